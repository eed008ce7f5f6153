import { defineMessages } from '../../i18n/i18n';
import type { AskBlock } from './guards';

// The live question console's own texts: why "ask" is off.
export const useLiveQuestionConsoleMessages = defineMessages({
  es: {
    askBlocked: {
      empty: 'Escribe primero la pregunta.',
      tooMany: 'Este taller ya hizo 500 preguntas en vivo.',
    } satisfies Record<AskBlock, string>,
  },
  en: {
    askBlocked: {
      empty: 'Write the question first.',
      tooMany: 'This workshop has asked 500 live questions already.',
    },
  },
});
