import { defineMessages } from '../../i18n/i18n';

// The polls' texts in the report (the charts' own are in screenChartMessages.ts).
export const usePollReportMessages = defineMessages({
  es: {
    pollReportQuickPoll: (id: number) => `Encuesta rápida ${id}`,
  },
  en: {
    pollReportQuickPoll: (id: number) => `Quick poll ${id}`,
  },
});
