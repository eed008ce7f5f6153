import { defineMessages } from '../../i18n/i18n';
import type { CardsBlock } from './guards';

// The card sort console's own texts: why a button is off, and the question before revealing.
export const useCardsConsoleMessages = defineMessages({
  es: {
    cardsBlocked: {
      noDeck: 'No hay tarjetas en este punto.',
      started: 'La ronda ya empezó.',
      tooFewCards: 'El mazo tiene menos de dos tarjetas.',
      notStarted: 'La ronda aún no ha empezado.',
      revealed: 'El orden correcto ya se reveló.',
    } satisfies Record<CardsBlock, string>,
    lockedCount: (locked: number, total: number) => `${locked} de ${total} grupos bloquearon su respuesta`,
    revealQuestion: '¿Revelar el orden correcto? Los grupos que aún ordenan quedan con el orden que tienen.',
    revealYes: 'Sí, revelar',
  },
  en: {
    cardsBlocked: {
      noDeck: 'There are no cards at this item.',
      started: 'The round has started.',
      tooFewCards: 'The deck has fewer than two cards.',
      notStarted: 'The round has not started yet.',
      revealed: 'The right order has been revealed.',
    },
    lockedCount: (locked: number, total: number) => `${locked} of ${total} groups locked their answer`,
    revealQuestion: 'Reveal the right order? Groups still sorting keep the order they have.',
    revealYes: 'Yes, reveal',
  },
});
