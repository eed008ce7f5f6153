import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useCardsMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';
import { Refusal, useCommand } from '../../ui/useCommand';

// Deal, watch the groups (and their scores, which facilitators see as they build), reveal.
export function ConsoleCards({ session }: { session: Session }) {
  const m = useCardsMessages();
  const command = useCommand(session);
  const deck = session.view.doc(DocKind.CARD_DECK);
  if (!deck) return null;
  const results = session.view.doc(DocKind.CARD_RESULTS);
  return (
    <section class="panel" aria-labelledby="console-cards">
      <h2 id="console-cards">{m.cardSort}</h2>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          disabled={deck.started}
          onClick={() => void command.send({ case: 'startCardSort', value: {} })}
        >
          {m.startCardSort}
        </button>
        <button
          type="button"
          disabled={!deck.started || deck.revealed}
          onClick={() => void command.send({ case: 'revealCards', value: {} })}
        >
          {m.revealCards}
        </button>
      </div>
      {deck.started && !deck.revealed && (
        <Deadline label={m.timeLeft} endsAtMs={Number(deck.endsAtMs)} clock={session.clock} />
      )}
      <ul class="group-status">
        {session.view.docs(DocKind.CARD_GROUP).map((g) => {
          const score = results?.scores.find((s) => s.group === g.group);
          return (
            <li key={g.group}>
              {m.group(g.group)}: {g.locked ? m.locked : m.sorting}
              {score && ` · ${m.scoreLine(score.score, score.exact, results?.reference.length ?? 0)}`}
            </li>
          );
        })}
      </ul>
      <Refusal command={command} />
    </section>
  );
}
