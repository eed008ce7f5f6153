import { defineMessages } from '../../i18n/i18n';

// The card sort's texts, in both languages (see defineMessages).
export const useCardsMessages = defineMessages({
  es: {
    cardSort: 'Tarjetas',
    cardsNotStarted: 'La ronda aún no ha empezado.',
    startCardSort: 'Repartir y empezar la ronda',
    revealCards: 'Revelar el orden correcto',
    moveUp: (title: string) => `Subir ${title}`,
    moveDown: (title: string) => `Bajar ${title}`,
    dragHandle: (title: string) => `Arrastrar ${title}`,
    position: (n: number) => `Posición ${n}`,
    lockCards: 'Bloquear nuestra respuesta',
    locked: 'Respuesta bloqueada',
    sorting: 'Ordenando…',
    timeLeft: 'Tiempo',
    correctOrder: 'Orden correcto',
    inPlace: 'en su lugar',
    scoreLine: (score: number, exact: number, total: number) =>
      `Puntuación ${score}/100 · ${exact} de ${total} en su lugar`,
    rankLine: (rank: number) => `Puesto ${rank}`,
    groupResult: (group: number) => `Grupo ${group}`,
  },
  en: {
    cardSort: 'Cards',
    cardsNotStarted: 'The round has not started yet.',
    startCardSort: 'Deal and start the round',
    revealCards: 'Reveal the right order',
    moveUp: (title: string) => `Move ${title} up`,
    moveDown: (title: string) => `Move ${title} down`,
    dragHandle: (title: string) => `Drag ${title}`,
    position: (n: number) => `Position ${n}`,
    lockCards: 'Lock our answer',
    locked: 'Answer locked',
    sorting: 'Sorting…',
    timeLeft: 'Time',
    correctOrder: 'Right order',
    inPlace: 'in place',
    scoreLine: (score: number, exact: number, total: number) => `Score ${score}/100 · ${exact} of ${total} in place`,
    rankLine: (rank: number) => `Rank ${rank}`,
    groupResult: (group: number) => `Group ${group}`,
  },
});
