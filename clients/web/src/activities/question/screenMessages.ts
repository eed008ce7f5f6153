import { defineMessages } from '../../i18n/i18n';

// The open question's texts on the projector only, in both languages (see defineMessages).
export const useQuestionScreenMessages = defineMessages({
  es: {
    answersComing: 'Responde desde tu teléfono. Las respuestas aparecerán aquí cuando la facilitación las muestre.',
    shownCount: (n: number) => (n === 1 ? '1 respuesta' : `${n} respuestas`),
  },
  en: {
    answersComing: 'Answer on your phone. The answers will appear here when the facilitator shows them.',
    shownCount: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
  },
});
