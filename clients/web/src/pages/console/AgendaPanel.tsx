import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useMessages } from '../../i18n/i18n';
import type { Session } from '../../session';
import { formatMs } from '../../ui/Countdown';
import { Refusal, useCommand } from '../../ui/useCommand';

export function AgendaPanel({ session }: { session: Session }) {
  const m = useMessages();
  const command = useCommand(session);
  const agenda = session.view.doc(DocKind.AGENDA);
  if (!agenda) return null;
  const go = (index: number) => void command.send({ case: 'gotoAgendaItem', value: { index } });
  return (
    <section class="panel" aria-labelledby="agenda">
      <h2 id="agenda">{m.agenda}</h2>
      <div class="buttons">
        <button type="button" onClick={() => go(agenda.current - 1)} disabled={agenda.current < 0}>
          ← {m.previous}
        </button>
        <button
          type="button"
          class="primary"
          onClick={() => go(agenda.current + 1)}
          disabled={agenda.current >= agenda.items.length - 1}
        >
          {m.next} →
        </button>
      </div>
      <ol class="agenda">
        {agenda.items.map((item, i) => (
          <li
            key={i}
            class={i === agenda.current ? 'current' : ''}
            aria-current={i === agenda.current ? 'step' : undefined}
          >
            <button type="button" class="link" aria-label={m.goTo(item.title)} onClick={() => go(i)}>
              {item.title}
            </button>
            <span class="muted"> {formatMs(item.durationMs)}</span>
          </li>
        ))}
      </ol>
      <Refusal command={command} />
    </section>
  );
}
