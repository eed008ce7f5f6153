import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { defineMessages } from '../../i18n/i18n';
import type { ChartWords } from './screenCharts';

// The charts' words and what the projector and the console both say of a poll, in both
// languages (see defineMessages). The chart's words are a ChartWords, so the object the hook
// returns is what screenCharts.ts takes.
const one = (value: number, locale: string) =>
  value.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const es = {
  chartOf: (prompt: string) => `Resultados: ${prompt}`,
  answerCount: (n: number) => (n === 1 ? '1 respuesta' : `${n} respuestas`),
  other: 'Otro',
  mean: (value: string) => `Promedio: ${value}`,
  severalEach: 'Varias opciones por persona: % de quienes respondieron',
  detractors: 'Detractores',
  passives: 'Pasivos',
  promoters: 'Promotores',
  recommendScore: 'Puntuación de recomendación',
  recommendHow: '% de promotores menos % de detractores',
  noWordsYet: 'Aún no hay palabras.',
  noAnswersYet: 'Aún no hay respuestas.',
  decimal: (value: number) => one(value, 'es'),
  pollTypeName: {
    [PollQuestionType.UNSPECIFIED]: 'Pregunta',
    [PollQuestionType.SINGLE]: 'Opción única',
    [PollQuestionType.MULTIPLE]: 'Opción múltiple',
    [PollQuestionType.SCALE]: 'Escala',
    [PollQuestionType.LIKERT]: 'Matriz de acuerdo (Likert)',
    [PollQuestionType.RECOMMEND]: 'Recomendación (0 a 10)',
    [PollQuestionType.OPEN]: 'Texto abierto',
    [PollQuestionType.WORDS]: 'Nube de palabras',
  } satisfies Record<PollQuestionType, string>,
  pollQuickPoll: 'Encuesta rápida',
  pollSurvey: 'Encuesta a su ritmo',
  pollQuestionOf: (n: number, total: number) => `Pregunta ${n} de ${total}`,
  pollClosed: 'Cerrada',
  pollPeopleAnswered: (n: number) => (n === 1 ? '1 persona respondió' : `${n} personas respondieron`),
  pollCompletedOf: (completed: number, people: number) => `${completed} de ${people} completaron la encuesta`,
  pollStarted: (n: number) => (n === 1 ? '1 persona la comenzó' : `${n} personas la comenzaron`),
  pollOtherTag: 'Otro',
};

export const usePollChartMessages = defineMessages({
  es: es satisfies ChartWords,
  en: {
    chartOf: (prompt: string) => `Results: ${prompt}`,
    answerCount: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
    other: 'Other',
    mean: (value: string) => `Mean: ${value}`,
    severalEach: 'Several choices each: % of those who answered',
    detractors: 'Detractors',
    passives: 'Passives',
    promoters: 'Promoters',
    recommendScore: 'Recommend score',
    recommendHow: '% promoters minus % detractors',
    noWordsYet: 'No words yet.',
    noAnswersYet: 'No answers yet.',
    decimal: (value: number) => one(value, 'en'),
    pollTypeName: {
      [PollQuestionType.UNSPECIFIED]: 'Question',
      [PollQuestionType.SINGLE]: 'Single choice',
      [PollQuestionType.MULTIPLE]: 'Multiple choice',
      [PollQuestionType.SCALE]: 'Scale',
      [PollQuestionType.LIKERT]: 'Agreement matrix (Likert)',
      [PollQuestionType.RECOMMEND]: 'Recommend (0 to 10)',
      [PollQuestionType.OPEN]: 'Open text',
      [PollQuestionType.WORDS]: 'Word cloud',
    },
    pollQuickPoll: 'Quick poll',
    pollSurvey: 'Self-paced survey',
    pollQuestionOf: (n: number, total: number) => `Question ${n} of ${total}`,
    pollClosed: 'Closed',
    pollPeopleAnswered: (n: number) => (n === 1 ? '1 person answered' : `${n} people answered`),
    pollCompletedOf: (completed: number, people: number) => `${completed} of ${people} completed the survey`,
    pollStarted: (n: number) => (n === 1 ? '1 person started it' : `${n} people started it`),
    pollOtherTag: 'Other',
  },
});
