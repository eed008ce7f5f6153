import type { Card, CardDeck, CardResults } from '../../gen/campana/v1/cards_pb';
import { useCardsMessages } from './messages';

export function cardsById(deck: CardDeck): Map<number, Card> {
  return new Map(deck.cards.map((c) => [c.id, c]));
}

// One group's order beside the reference: each card in its right place is marked.
export function ScoredOrder({
  deck,
  order,
  results,
  group,
}: {
  deck: CardDeck;
  order: number[];
  results: CardResults;
  group: number;
}) {
  const m = useCardsMessages();
  const cards = cardsById(deck);
  const score = results.scores.find((s) => s.group === group);
  return (
    <div class="scored-order">
      <h3>
        {m.groupResult(group)}
        {score && <span class="badge">{m.rankLine(score.rank)}</span>}
      </h3>
      {score && <p class="score">{m.scoreLine(score.score, score.exact, results.reference.length)}</p>}
      <ol>
        {order.map((id, i) => {
          const right = results.reference[i] === id;
          return (
            <li key={id} class={right ? 'right' : 'wrong'}>
              {cards.get(id)?.title ?? id}
              {right && <span class="visually-hidden"> ({m.inPlace})</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function ReferenceOrder({ deck, results }: { deck: CardDeck; results: CardResults }) {
  const m = useCardsMessages();
  const cards = cardsById(deck);
  return (
    <div class="reference-order">
      <h3>{m.correctOrder}</h3>
      <p class="muted">{deck.firstLabel}</p>
      <ol>
        {results.reference.map((id) => (
          <li key={id}>
            <strong>{cards.get(id)?.title}</strong>
          </li>
        ))}
      </ol>
      <p class="muted">{deck.lastLabel}</p>
    </div>
  );
}
