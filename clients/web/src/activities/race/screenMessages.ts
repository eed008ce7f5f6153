import { defineMessages } from '../../i18n/i18n';

// The race's texts on the projector only, in both languages (see defineMessages).
export const useRaceScreenMessages = defineMessages({
  es: {
    lastRun: 'Último recorrido',
    running: 'En marcha',
    noRunYet: 'Aún sin recorrido',
  },
  en: {
    lastRun: 'Last run',
    running: 'Running',
    noRunYet: 'No run yet',
  },
});
