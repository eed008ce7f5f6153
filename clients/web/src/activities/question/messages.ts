import { defineMessages } from '../../i18n/i18n';

// The agenda's open questions' texts, in both languages (see defineMessages).
export const useQuestionMessages = defineMessages({
  es: {
    showOnScreen: 'Mostrar en pantalla',
    showWithNames: 'Mostrar con nombres',
    hideFromScreen: 'Ocultar de la pantalla',
  },
  en: {
    showOnScreen: 'Show on screen',
    showWithNames: 'Show with names',
    hideFromScreen: 'Hide from screen',
  },
});
