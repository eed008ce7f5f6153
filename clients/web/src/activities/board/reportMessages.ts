import { defineMessages } from '../../i18n/i18n';

// The boards' texts in the report.
export const useBoardReportMessages = defineMessages({
  es: {
    boardReportNotes: (n: number) => `${n} ${n === 1 ? 'nota' : 'notas'}`,
    boardReportTop: 'Las notas más votadas',
    boardReportDots: (n: number) => `${n} ${n === 1 ? 'punto' : 'puntos'}`,
    boardReportRoom: 'Toda la sala',
    boardReportGroup: (n: number) => `Grupo ${n}`,
  },
  en: {
    boardReportNotes: (n: number) => `${n} ${n === 1 ? 'note' : 'notes'}`,
    boardReportTop: 'The most voted notes',
    boardReportDots: (n: number) => `${n} ${n === 1 ? 'dot' : 'dots'}`,
    boardReportRoom: 'The whole room',
    boardReportGroup: (n: number) => `Group ${n}`,
  },
});
