import { defineMessages } from '../../i18n/i18n';

// The action plans' texts on the projector only.
export const usePlanScreenMessages = defineMessages({
  es: {
    planSummaryScene: 'Planes de acción de todos los grupos',
    planOneScene: (n: number) => `Plan de acción del grupo ${n}`,
    planWriteOnPhones: 'Cada grupo escribe su plan en sus teléfonos.',
    planNoGroups: 'Cuando haya grupos, cada uno tendrá su plan.',
    planNoObjective: 'Aún sin objetivo',
    planNoSteps: 'Aún no hay pasos.',
    planStepNumber: 'N.º',
    planPlansLabel: 'Planes de los grupos',
  },
  en: {
    planSummaryScene: "Every group's action plan",
    planOneScene: (n: number) => `Group ${n}'s action plan`,
    planWriteOnPhones: 'Each group writes its plan on its phones.',
    planNoGroups: 'Once there are groups, each will have its plan.',
    planNoObjective: 'No objective yet',
    planNoSteps: 'No steps yet.',
    planStepNumber: 'No.',
    planPlansLabel: "The groups' plans",
  },
});
