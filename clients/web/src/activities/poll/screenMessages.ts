import { defineMessages } from '../../i18n/i18n';

// The poll's texts on the projector only, in both languages (see defineMessages).
export const usePollScreenMessages = defineMessages({
  es: {
    pollScene: 'Encuesta',
    pollResultsHidden: 'Los resultados se verán cuando la facilitación los revele.',
    pollAnswerOnPhone: 'Responda en su teléfono.',
    pollAnswerAtYourPace: 'Responda a su ritmo en su teléfono.',
    pollAnswersLabel: 'Respuestas escritas',
    pollNoTextsYet: 'Aún no hay respuestas escritas.',
    pollAnswersWord: (n: number): string => (n === 1 ? 'respuesta' : 'respuestas'),
    pollPeopleWord: (n: number): string => (n === 1 ? 'persona respondió' : 'personas respondieron'),
  },
  en: {
    pollScene: 'Poll',
    pollResultsHidden: 'The results will show when the facilitator reveals them.',
    pollAnswerOnPhone: 'Answer on your phone.',
    pollAnswerAtYourPace: 'Answer at your own pace on your phone.',
    pollAnswersLabel: 'Written answers',
    pollNoTextsYet: 'No written answers yet.',
    pollAnswersWord: (n: number) => (n === 1 ? 'answer' : 'answers'),
    pollPeopleWord: (n: number) => (n === 1 ? 'person answered' : 'people answered'),
  },
});
