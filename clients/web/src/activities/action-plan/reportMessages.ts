import { defineMessages } from '../../i18n/i18n';

// The action plans' texts in the report.
export const usePlanReportMessages = defineMessages({
  es: {
    planReportNoObjective: 'Sin objetivo escrito.',
    planReportNoSteps: 'Sin pasos escritos.',
    planReportSteps: (n: number) => `Pasos del plan del grupo ${n}`,
    planReportHeading: (plan: string, title: string) => `${plan}: ${title}`,
  },
  en: {
    planReportNoObjective: 'No objective written.',
    planReportNoSteps: 'No steps written.',
    planReportSteps: (n: number) => `The steps of group ${n}'s plan`,
    planReportHeading: (plan: string, title: string) => `${plan}: ${title}`,
  },
});
