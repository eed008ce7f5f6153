import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useCardsMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';
import { ReferenceOrder, ScoredOrder } from './CardParts';

// The card sort on the projector. Before the deal: what the groups will do. While they sort:
// the time left, big, and which groups have locked. After the reveal: the right order beside
// every group's, scored and ranked (the groups page by themselves when they do not all fit).
export function ScreenCards({ session }: { session: Session }) {
  const m = useCardsMessages();
  const deck = session.view.doc(DocKind.CARD_DECK);
  const results = session.view.doc(DocKind.CARD_RESULTS);
  if (!deck) return null;
  const groups = session.view.docs(DocKind.CARD_GROUP);
  if (!deck.started) {
    return (
      <section class="scene screen-cards" aria-label={m.cardSort}>
        <p class="said cards-instructions">{deck.instructions}</p>
        <p class="cards-ends">
          ↑ {deck.firstLabel} · ↓ {deck.lastLabel}
        </p>
        <p class="muted">{m.cardsNotStarted}</p>
      </section>
    );
  }
  if (deck.revealed && results) {
    const rank = (group: number) => results.scores.find((s) => s.group === group)?.rank ?? 99;
    const ranked = [...groups].sort((a, b) => rank(a.group) - rank(b.group));
    return (
      <section class="scene screen-cards revealed" aria-label={m.cardSort}>
        <ReferenceOrder deck={deck} results={results} />
        <ul class="scored-orders" data-fit-list>
          {ranked.map((g) => (
            <li key={g.group}>
              <ScoredOrder deck={deck} order={g.order} results={results} group={g.group} />
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section class="scene screen-cards" aria-label={m.cardSort}>
      <div class="cards-clock">
        <Deadline label={m.cardSort} endsAtMs={Number(deck.endsAtMs)} clock={session.clock} />
      </div>
      <ul class="group-status" data-fit-list>
        {groups.map((g) => (
          <li key={g.group} class={g.locked ? 'locked' : ''}>
            {m.group(g.group)}: {g.locked ? `✓ ${m.locked}` : m.sorting}
          </li>
        ))}
      </ul>
    </section>
  );
}
