import { defineMessages } from '../../i18n/i18n';

// The action plans' texts every view uses (the phone's, the projector's, the console's and the
// report's own are beside them): the six columns, the objective, the default prompt.
export const usePlanMessages = defineMessages({
  es: {
    planTitle: 'Plan de acción',
    planDefaultPrompt:
      '¿Qué cambio quiere ver en su equipo / departamento / organización, y cómo contribuye a los ODS 8, 9, 10 y 16?',
    planObjective: 'Objetivo',
    planSteps: 'Pasos a seguir',
    planResponsible: 'Responsables',
    planResources: 'Recursos necesarios',
    planIndicators: 'Indicadores de avance',
    planDueDate: 'Fecha de finalización',
    planEvidence: 'Evidencia de éxito',
    // The same, short: a table's headers.
    planStepsShort: 'Pasos',
    planResponsibleShort: 'Responsables',
    planResourcesShort: 'Recursos',
    planIndicatorsShort: 'Indicadores',
    planDueDateShort: 'Fecha',
    planEvidenceShort: 'Evidencia',
    planStepN: (n: number) => `Paso ${n}`,
    planStepCount: (n: number) => (n === 1 ? '1 paso' : `${n} pasos`),
    planUntil: (date: string) => `Termina el ${date}`,
    planOfGroup: (n: number) => `Plan del grupo ${n}`,
    planGroupHeader: 'Grupo',
  },
  en: {
    planTitle: 'Action plan',
    planDefaultPrompt:
      'What change do you want to see in your team / department / organization, and how does it contribute to SDGs 8, 9, 10 and 16?',
    planObjective: 'Objective',
    planSteps: 'Steps to take',
    planResponsible: 'People responsible',
    planResources: 'Resources needed',
    planIndicators: 'Progress indicators',
    planDueDate: 'Completion date',
    planEvidence: 'Evidence of success',
    planStepsShort: 'Steps',
    planResponsibleShort: 'Responsible',
    planResourcesShort: 'Resources',
    planIndicatorsShort: 'Indicators',
    planDueDateShort: 'Date',
    planEvidenceShort: 'Evidence',
    planStepN: (n: number) => `Step ${n}`,
    planStepCount: (n: number) => (n === 1 ? '1 step' : `${n} steps`),
    planUntil: (date: string) => `Ends ${date}`,
    planOfGroup: (n: number) => `Group ${n}'s plan`,
    planGroupHeader: 'Group',
  },
});

export type PlanMessages = ReturnType<typeof usePlanMessages>;
