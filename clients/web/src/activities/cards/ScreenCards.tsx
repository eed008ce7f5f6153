import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useCardsMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';
import { ReferenceOrder, ScoredOrder } from './CardParts';

// Before the reveal, who has locked; after it, every group's order beside the right one,
// scored and ranked.
export function ScreenCards({ session }: { session: Session }) {
  const m = useCardsMessages();
  const deck = session.view.doc(DocKind.CARD_DECK);
  const results = session.view.doc(DocKind.CARD_RESULTS);
  if (!deck || !deck.started) return null;
  const groups = session.view.docs(DocKind.CARD_GROUP);
  if (deck.revealed && results) {
    const ranked = [...groups].sort(
      (a, b) =>
        (results.scores.find((s) => s.group === a.group)?.rank ?? 99) -
        (results.scores.find((s) => s.group === b.group)?.rank ?? 99),
    );
    return (
      <section class="screen-cards revealed" aria-label={m.cardSort}>
        <ReferenceOrder deck={deck} results={results} />
        {ranked.map((g) => (
          <ScoredOrder key={g.group} deck={deck} order={g.order} results={results} group={g.group} />
        ))}
      </section>
    );
  }
  return (
    <section class="screen-cards" aria-label={m.cardSort}>
      <Deadline label={m.cardSort} endsAtMs={Number(deck.endsAtMs)} clock={session.clock} />
      <ul class="group-status">
        {groups.map((g) => (
          <li key={g.group} class={g.locked ? 'locked' : ''}>
            {m.group(g.group)}: {g.locked ? `✓ ${m.locked}` : m.sorting}
          </li>
        ))}
      </ul>
    </section>
  );
}
