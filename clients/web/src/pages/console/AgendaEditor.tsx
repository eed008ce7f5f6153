import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { Agenda, Agenda_Item } from '../../gen/campana/v1/docs_pb';
import { fetchExport } from '../../net/fetchExport';
import type { Session } from '../../session';
import { Notice } from '../../ui/Chrome';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { GuardedButton } from '../../ui/GuardedButton';
import { type CommandState, Refusal, useCommand } from '../../ui/useCommand';
import { kindName } from './agendaKinds';
import { dayCount } from './days';
import { downloadFile, templateFile } from './exportFile';
import { useConsoleMessages } from './messages';

const minuteMs = 60_000;
const maxMinutes = 24 * 60;
const maxTitleLength = 80;

// Editing the run of show while it runs, in a dialog over the console: every item's title and
// length; items the agenda has not reached yet (Agenda.first_editable on) moved, removed, or
// added before; and the agenda saved as a template file (the export's as_template), which the
// organizer page creates workshops from. Each change is one command, and every screen follows.
export function AgendaEditor({ session, onClose }: { session: Session; onClose: () => void }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useId();
  const hint = useId();
  const [saveFailed, setSaveFailed] = useState(false);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  const agenda = session.view.doc(DocKind.AGENDA);
  if (!agenda) return null;
  const withDays = dayCount(agenda.items) > 0;
  const saveTemplate = async () => {
    const exported = await fetchExport(session.code);
    const [file] = exported === undefined ? [] : templateFile(exported);
    const content = file?.content;
    if (file && typeof content === 'string') downloadFile(file.name, content, 'application/json');
    setSaveFailed(typeof content !== 'string');
  };
  return (
    <dialog ref={dialog} class="agenda-editor" aria-labelledby={heading} aria-describedby={hint} onClose={onClose}>
      <h2 id={heading}>{m.editAgenda}</h2>
      <p id={hint}>{m.editAgendaHint}</p>
      {/* The columns' names once, for the eye; each field has its own accessible name. */}
      <div class="agenda-edit-head" aria-hidden="true">
        <span />
        <span>{m.newTitle}</span>
        <span>{m.minutes}</span>
      </div>
      <ol class="agenda-edit-list">
        {agenda.items.map((item, index) => (
          <EditRow
            key={`${index}:${item.title}:${item.durationMs}`}
            agenda={agenda}
            item={item}
            index={index}
            withDays={withDays}
            command={command}
          />
        ))}
      </ol>
      <AddItemForm agenda={agenda} command={command} />
      <Refusal command={command} />
      {saveFailed && <Notice onClose={() => setSaveFailed(false)}>{m.saveTemplateFailed}</Notice>}
      <div class="buttons">
        <button type="button" onClick={() => void saveTemplate()}>
          {m.saveTemplate}
        </button>
        <button type="button" class="primary" onClick={() => dialog.current?.close()}>
          {m.closeEditor}
        </button>
      </div>
    </dialog>
  );
}

// The length in whole minutes as typed, or undefined when it is not one (the field says why).
function parseMinutes(typed: string): number | undefined {
  const minutes = Number(typed);
  return typed.trim() !== '' && Number.isInteger(minutes) && minutes >= 0 && minutes <= maxMinutes
    ? minutes
    : undefined;
}

// One item: its title and minutes sent when the field is left (or Enter is pressed); the arrows
// and "remove" only where the agenda has not been.
function EditRow({
  agenda,
  item,
  index,
  withDays,
  command,
}: {
  agenda: Agenda;
  item: Agenda_Item;
  index: number;
  withDays: boolean;
  command: CommandState;
}) {
  const m = useConsoleMessages();
  // Drafts: a delta that redraws the dialog while someone types must not put the old text back.
  // The row's key holds the item's title and length, so a change from the server starts a new
  // draft.
  const shownMinutes = String(Math.round(item.durationMs / minuteMs));
  const [title, setTitle] = useState(item.title);
  const [minutes, setMinutes] = useState(shownMinutes);
  const n = index + 1;
  const editable = index >= agenda.firstEditable;
  const edit = (newTitle: string, durationMs: number) => {
    if (newTitle.trim() === '' || (newTitle === item.title && durationMs === item.durationMs)) return;
    void command.send({ case: 'editAgendaItem', value: { index, title: newTitle, durationMs: BigInt(durationMs) } });
  };
  const move = (to: number) => void command.send({ case: 'moveAgendaItem', value: { index, to } });
  return (
    <li class={editable ? '' : 'reached'}>
      <span class="mark" aria-hidden="true">
        {n}
      </span>
      <input
        class="title-field"
        aria-label={m.itemTitle(n)}
        value={title}
        maxLength={maxTitleLength}
        onInput={(e) => setTitle(e.currentTarget.value)}
        onChange={() => edit(title, item.durationMs)}
      />
      <input
        type="number"
        class="minutes-field"
        min={0}
        max={maxMinutes}
        aria-label={m.itemMinutes(n)}
        value={minutes}
        onInput={(e) => setMinutes(e.currentTarget.value)}
        onChange={() => {
          const parsed = parseMinutes(minutes);
          if (parsed !== undefined && minutes !== shownMinutes) edit(item.title, parsed * minuteMs);
        }}
      />
      <span class="agenda-meta">
        {kindName(m, item.activity)}
        {withDays && ` · ${m.day(item.day)}`}
        {!editable && ` · ${m.reached}`}
      </span>
      {editable && (
        <span class="buttons">
          {/* Off at either end of what may move; the hint above says why. */}
          <button
            type="button"
            aria-label={m.moveUp(item.title)}
            disabled={index === agenda.firstEditable}
            onClick={() => move(index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={m.moveDown(item.title)}
            disabled={index === agenda.items.length - 1}
            onClick={() => move(index + 1)}
          >
            ↓
          </button>
          <ConfirmButton
            question={m.confirmRemoveItem(item.title)}
            yes={m.removeYes}
            label={m.removeItem(item.title)}
            class="danger"
            onClick={() => void command.send({ case: 'removeAgendaItem', value: { index } })}
          >
            {m.removeShort}
          </ConfirmButton>
        </span>
      )}
    </li>
  );
}

// A new item (a break, a talk: a presentation step), next or at the end.
function AddItemForm({ agenda, command }: { agenda: Agenda; command: CommandState }) {
  const m = useConsoleMessages();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [atEnd, setAtEnd] = useState(false);
  const parsed = parseMinutes(minutes);
  const why = title.trim() === '' ? m.addNeedsTitle : parsed === undefined ? m.badMinutes : undefined;
  const add = async () => {
    if (parsed === undefined) return;
    const index = atEnd ? agenda.items.length : agenda.firstEditable;
    const sent = await command.send({
      case: 'addAgendaItem',
      value: { index, title: title.trim(), durationMs: BigInt(parsed * minuteMs) },
    });
    if (sent) setTitle('');
  };
  return (
    <form
      class="agenda-add"
      aria-label={m.newItem}
      onSubmit={(e) => {
        e.preventDefault();
        if (why === undefined) void add();
      }}
    >
      <h3>{m.newItem}</h3>
      <label class="field">
        <span>{m.newTitle}</span>
        <input value={title} maxLength={maxTitleLength} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label class="field small">
        <span>{m.minutes}</span>
        <input
          type="number"
          min={0}
          max={maxMinutes}
          value={minutes}
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{m.where}</span>
        <select value={atEnd ? 'end' : 'next'} onChange={(e) => setAtEnd(e.currentTarget.value === 'end')}>
          <option value="next">{m.whereNext}</option>
          <option value="end">{m.whereEnd}</option>
        </select>
      </label>
      <GuardedButton why={why} onClick={() => void add()}>
        {m.add}
      </GuardedButton>
    </form>
  );
}
