import { defineMessages } from '../../i18n/i18n';

// The card sort's texts in the report.
export const useCardsReportMessages = defineMessages({
  es: {
    cardsReportTitle: 'Ordenar cartas',
    cardsReportScale: (first: string, last: string) => `Del primer puesto («${first}») al último («${last}»).`,
    cardsReportLegend: '✓: la carta está en el puesto del orden de referencia.',
    cardsReportUnrevealed: 'El orden de referencia no se había revelado en la sala al generar el informe.',
    cardsReportCaption: (groups: string) => `Orden de las cartas: ${groups}`,
    cardsReportPosition: 'Puesto',
    cardsReportReference: 'Orden de referencia',
    cardsReportGroup: (n: number) => `Grupo ${n}`,
    cardsReportInPlace: '(en su lugar)',
    cardsReportScore: 'Puntuación',
    cardsReportScoreCell: (score: number, exact: number, total: number, rank: number) =>
      `${score}/100 · ${exact} de ${total} en su lugar · puesto ${rank}`,
    cardsReportNoScore: 'sin puntuar',
  },
  en: {
    cardsReportTitle: 'Card sort',
    cardsReportScale: (first: string, last: string) => `From the first position (“${first}”) to the last (“${last}”).`,
    cardsReportLegend: '✓: the card is in its position of the reference order.',
    cardsReportUnrevealed: 'The reference order had not been revealed in the room when the report was made.',
    cardsReportCaption: (groups: string) => `Order of the cards: ${groups}`,
    cardsReportPosition: 'Position',
    cardsReportReference: 'Reference order',
    cardsReportGroup: (n: number) => `Group ${n}`,
    cardsReportInPlace: '(in place)',
    cardsReportScore: 'Score',
    cardsReportScoreCell: (score: number, exact: number, total: number, rank: number) =>
      `${score}/100 · ${exact} of ${total} in place · rank ${rank}`,
    cardsReportNoScore: 'not scored',
  },
});
