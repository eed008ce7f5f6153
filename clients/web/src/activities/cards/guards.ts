import type { CardDeck } from '../../gen/campana/v1/cards_pb';

// Why the server would refuse a card sort command now (server/domain/activities/cards/cards.cc),
// or undefined when it would take it.
export type CardsBlock = 'noDeck' | 'started' | 'tooFewCards' | 'notStarted' | 'revealed';

export function startCardsBlock(deck: CardDeck | undefined): CardsBlock | undefined {
  if (!deck) return 'noDeck';
  if (deck.started) return 'started';
  if (deck.cards.length < 2) return 'tooFewCards';
  return undefined;
}

// Revealing locks the groups still sorting; a second reveal does nothing, so it is off.
export function revealCardsBlock(deck: CardDeck | undefined): CardsBlock | undefined {
  if (!deck) return 'noDeck';
  if (!deck.started) return 'notStarted';
  if (deck.revealed) return 'revealed';
  return undefined;
}
