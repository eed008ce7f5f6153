import { defineMessages } from '../../i18n/i18n';

// The action plans' texts on the console only.
export const usePlanConsoleMessages = defineMessages({
  es: {
    planPanel: 'Planes de acción',
    planOnProjector: 'En el proyector',
    planShowSummary: 'Mostrar el resumen',
    planShowOnProjector: 'Mostrar en el proyector',
    planNoGroups: 'Aún no hay grupos: forme grupos y cada uno tendrá su plan.',
    planEdit: 'Editar el plan',
    planEditingNow: (n: number) => (n === 1 ? '1 persona escribiendo' : `${n} personas escribiendo`),
    planNoObjectiveYet: 'Aún sin objetivo',
    planNoStepsYet: 'Aún no hay pasos.',
    planStepsOf: (n: number) => `Pasos del grupo ${n}`,
  },
  en: {
    planPanel: 'Action plans',
    planOnProjector: 'On the projector',
    planShowSummary: 'Show the summary',
    planShowOnProjector: 'Show on the projector',
    planNoGroups: 'No groups yet: make groups and each will have its plan.',
    planEdit: 'Edit the plan',
    planEditingNow: (n: number) => (n === 1 ? '1 person typing' : `${n} people typing`),
    planNoObjectiveYet: 'No objective yet',
    planNoStepsYet: 'No steps yet.',
    planStepsOf: (n: number) => `Group ${n}'s steps`,
  },
});
