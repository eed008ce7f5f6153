import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useCardsMessages } from './messages';
import type { Session } from '../../session';
import { Deadline } from '../../ui/Clocks';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { GuardedButton } from '../../ui/GuardedButton';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useCardsConsoleMessages } from './consoleMessages';
import { type CardsBlock, revealCardsBlock, startCardsBlock } from './guards';

// Deal, watch the groups lock (and their scores, which facilitators see as they build), reveal.
export function ConsoleCards({ session }: { session: Session }) {
  const m = useCardsMessages();
  const c = useCardsConsoleMessages();
  const command = useCommand(session);
  const deck = session.view.doc(DocKind.CARD_DECK);
  if (!deck) return null;
  const why = (block: CardsBlock | undefined) => (block === undefined ? undefined : c.cardsBlocked[block]);
  const results = session.view.doc(DocKind.CARD_RESULTS);
  const groups = session.view.docs(DocKind.CARD_GROUP);
  const locked = groups.filter((g) => g.locked).length;
  return (
    <section class="panel" aria-labelledby="console-cards">
      <h2 id="console-cards">{m.cardSort}</h2>
      <div class="buttons">
        <GuardedButton
          class="primary"
          why={why(startCardsBlock(deck))}
          onClick={() => void command.send({ case: 'startCardSort', value: {} })}
        >
          {m.startCardSort}
        </GuardedButton>
      </div>
      {deck.started && !deck.revealed && (
        <Deadline label={m.timeLeft} endsAtMs={Number(deck.endsAtMs)} clock={session.clock} />
      )}
      {deck.started && (
        <p role="status" class="muted">
          {c.lockedCount(locked, groups.length)}
        </p>
      )}
      <ul class="group-status">
        {groups.map((g) => {
          const score = results?.scores.find((s) => s.group === g.group);
          return (
            <li key={g.group} class={g.locked ? 'locked' : ''}>
              {m.group(g.group)}: {g.locked ? m.locked : m.sorting}
              {score && ` · ${m.scoreLine(score.score, score.exact, results?.reference.length ?? 0)}`}
            </li>
          );
        })}
      </ul>
      <div class="buttons">
        <ConfirmButton
          why={why(revealCardsBlock(deck))}
          question={c.revealQuestion}
          yes={c.revealYes}
          onClick={() => void command.send({ case: 'revealCards', value: {} })}
        >
          {m.revealCards}
        </ConfirmButton>
      </div>
      <Refusal command={command} />
    </section>
  );
}
