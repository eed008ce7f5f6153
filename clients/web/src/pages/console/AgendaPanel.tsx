import { DocKind } from '../../gen/campana/v1/docs_enums';
import { type Agenda, type Agenda_Item } from '../../gen/campana/v1/docs_pb';
import type { Session } from '../../session';
import { formatMs } from '../../ui/Countdown';
import { useState } from 'preact/hooks';
import { GuardedButton } from '../../ui/GuardedButton';
import { Refusal, useCommand } from '../../ui/useCommand';
import { AgendaEditor } from './AgendaEditor';
import { kindName } from './agendaKinds';
import { byDay, dayCount } from './days';
import { nextBlock, previousBlock } from './guards';
import { useConsoleMessages } from './messages';

// The run of show: every item, marked done, now or up next; any of them one click away. A
// workshop of several days has a heading before each day's first item.
export function AgendaPanel({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const [editing, setEditing] = useState(false);
  const agenda = session.view.doc(DocKind.AGENDA);
  if (!agenda) return null;
  const go = (index: number) => void command.send({ case: 'gotoAgendaItem', value: { index } });
  const previous = previousBlock(agenda);
  const next = nextBlock(agenda);
  const items = (list: { item: Agenda_Item; index: number }[]) =>
    list.map(({ item, index }) => <AgendaItem key={index} agenda={agenda} item={item} index={index} go={go} />);
  return (
    <nav class="ros-agenda" aria-labelledby="agenda">
      <h2 id="agenda">{m.agenda}</h2>
      <div class="buttons agenda-steps">
        <GuardedButton why={previous && m.agendaBlocked[previous]} onClick={() => go(agenda.current - 1)}>
          ← {m.previous}
        </GuardedButton>
        <GuardedButton class="primary" why={next && m.agendaBlocked[next]} onClick={() => go(agenda.current + 1)}>
          {m.next} →
        </GuardedButton>
      </div>
      {dayCount(agenda.items) === 0 ? (
        <ol class="agenda">{items(agenda.items.map((item, index) => ({ item, index })))}</ol>
      ) : (
        byDay(agenda.items).map(({ day, items: ofDay }) => (
          <div key={day} class="agenda-day">
            <h3>{m.day(day)}</h3>
            <ol class="agenda" start={(ofDay[0]?.index ?? 0) + 1}>
              {items(ofDay)}
            </ol>
          </div>
        ))
      )}
      <Refusal command={command} />
      <button type="button" class="agenda-edit-open" onClick={() => setEditing(true)}>
        {m.editAgenda}
      </button>
      {editing && <AgendaEditor session={session} onClose={() => setEditing(false)} />}
    </nav>
  );
}

function AgendaItem({
  agenda,
  item,
  index: i,
  go,
}: {
  agenda: Agenda;
  item: Agenda_Item;
  index: number;
  go: (index: number) => void;
}) {
  const m = useConsoleMessages();
  const state = i < agenda.current ? 'done' : i === agenda.current ? 'current' : i === agenda.current + 1 ? 'next' : '';
  const stateText = { done: m.itemDone, current: m.itemNow, next: m.itemNext, '': '' }[state];
  return (
    <li class={state} aria-current={i === agenda.current ? 'step' : undefined}>
      <button type="button" class="agenda-item" aria-label={m.goTo(item.title)} onClick={() => go(i)}>
        <span class="mark" aria-hidden="true">
          {state === 'done' ? '✓' : state === 'current' ? '▶' : i + 1}
        </span>
        <span class="agenda-text">
          <span class="agenda-title said title">{item.title}</span>
          <span class="agenda-meta">
            {kindName(m, item.activity)} · {formatMs(item.durationMs)}
          </span>
        </span>
      </button>
      {stateText && <span class="visually-hidden">{stateText}</span>}
    </li>
  );
}
