import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { type Board, type BoardCluster, type BoardNote } from '../../gen/campana/v1/board_pb';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { rejectionText } from '../../i18n/i18n';
import type { CommandBody } from '../../net/connection';
import type { Session } from '../../session';
import { Notice } from '../../ui/Chrome';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { cleanText } from '../../ui/text';
import { Refusal, useCommand } from '../../ui/useCommand';
import type { PhoneProps } from '../activity';
import {
  boardGroupOf,
  clustersOf,
  currentBoard,
  dotsLeft,
  myDots,
  myNoteIds,
  notesIn,
  notesOf,
  ranking,
  talliesOf,
} from './BoardSelectors';
import { useBoardMessages } from './messages';
import {
  budgetOf,
  byCell,
  capOf,
  castBlock,
  castTarget,
  cellsOf,
  chooserKind,
  codePoints,
  type DotBlock,
  dotsOn,
  excerpt,
  foldCellsFrom,
  maxClusterTitleLength,
  maxNoteLength,
  type Unit,
  unitsOf,
  withdrawTarget,
} from './PhoneBoardModel';
import { usePhoneBoardMessages } from './phoneMessages';
import './PhoneBoard.css';

const maxNotesEach = 30;

// Everything a view of one phase needs.
interface Ctx {
  session: Session;
  me: number;
  board: Board;
  group: number; // the board I am on: my group's, or 0 for the room's
  notes: BoardNote[]; // the notes of that board this phone may see
  mine: Set<number>; // my notes' ids
}

// A board of notes on a participant's phone, one phase at a time, the current action first:
// writing (the cell, the note, "Agregar nota"; then my notes), the revealed board, grouping by
// taps, the dots left and the +/- buttons, the ranking. The server decides what this phone may
// see (a private note reaches only its author); the page only arranges it.
export function PhoneBoard({ session, me }: PhoneProps) {
  const b = useBoardMessages();
  const p = usePhoneBoardMessages();
  const board = currentBoard(session.view);
  const self = session.view.doc(DocKind.PARTICIPANT, me);
  if (!board?.spec || !self) return null;
  const group = boardGroupOf(board, self.group);
  const ctx: Ctx = {
    session,
    me,
    board,
    group,
    notes: notesOf(session.view, board.board, group),
    mine: myNoteIds(session.view, me),
  };
  const where = board.spec.oneBoardForRoom ? b.roomBoard : b.groupBoard(group);
  const headingId = `board-${board.board}`;
  // What the facilitators did to my notes, said up top: the notes themselves may be far below.
  const myNotes = session.view.docs(DocKind.BOARD_NOTE).filter((n) => n.board === board.board && ctx.mine.has(n.id));
  const hiddenMine = myNotes.filter((n) => n.hidden).length;
  const editedMine = myNotes.filter((n) => n.editedByFacilitator).length;

  return (
    <section
      class={`card board-phone${hiddenMine + editedMine > 0 ? ' moderated-mine' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} class="eyebrow board-phase">
        {p.boardOf(b.boardPhase(board.phase), where)}
      </h2>
      {hiddenMine + editedMine > 0 && (
        <p class="moderated moderation-summary">{p.moderatedMine(hiddenMine, editedMine)}</p>
      )}
      {!board.spec.oneBoardForRoom && self.group === 0 ? (
        <p class="calm" data-primary>
          {p.noBoardGroupYet}
        </p>
      ) : (
        // Keyed by board: the next board item starts with its own cell, draft and choices.
        <Phase key={board.board} ctx={ctx} />
      )}
    </section>
  );
}

function Phase({ ctx }: { ctx: Ctx }) {
  switch (ctx.board.phase) {
    case BoardPhase.WRITE:
      return <Write ctx={ctx} />;
    case BoardPhase.REVEAL:
      return <Reveal ctx={ctx} />;
    case BoardPhase.GROUP:
      return <Group ctx={ctx} />;
    case BoardPhase.VOTE:
      return <Vote ctx={ctx} />;
    case BoardPhase.RESULTS:
      return <Results ctx={ctx} />;
    default:
      return null;
  }
}

// ---- Writing

function Write({ ctx }: { ctx: Ctx }) {
  const p = usePhoneBoardMessages();
  const { session, board } = ctx;
  const spec = board.spec;
  const columns = spec?.columns ?? [];
  const rows = spec?.rows ?? [];
  const [column, setColumn] = useState(0);
  const [row, setRow] = useState(0);
  const [text, setText] = useDraft(`campana:${session.code}:draft:board:${board.board}`);
  // Just added a note: said under the button, until the next is typed (my notes are below the fold).
  const [added, setAdded] = useState(false);
  const counterId = useId();
  const whyId = useId();
  const myNotes = session.view
    .docs(DocKind.BOARD_NOTE)
    .filter((n) => n.board === board.board && ctx.mine.has(n.id))
    .sort((a, b) => a.id - b.id);
  const c = Math.min(column, Math.max(0, columns.length - 1));
  const r = Math.min(row, Math.max(0, rows.length - 1));
  const length = codePoints(cleanText(text));
  const full = myNotes.length >= maxNotesEach;
  const why = full ? p.notesFull(maxNotesEach) : length > maxNoteLength ? p.tooLong(maxNoteLength) : undefined;
  const hint = [columns[c]?.hint, rows[r]?.hint].filter(Boolean).join(' · ');
  const others = ctx.notes.filter((n) => !ctx.mine.has(n.id));

  const add = (event: Event) => {
    event.preventDefault();
    const note = cleanText(text);
    if (!note || why !== undefined) return;
    session.connection.submit({ case: 'addNote', value: { board: board.board, column: c, row: r, text: note } });
    setText('');
    setAdded(true);
  };

  return (
    <>
      {spec?.prompt && <p class="said board-prompt">{spec.prompt}</p>}
      <form class="board-write" onSubmit={add} data-primary>
        <div class="cell-choosers">
          <LaneChooser
            label={p.columnLabel}
            lanes={columns.map((l) => l.title)}
            value={c}
            onChange={setColumn}
            kind={chooserKind(columns)}
          />
          {rows.length > 0 && (
            <LaneChooser
              label={p.rowLabel}
              lanes={rows.map((l) => l.title)}
              value={r}
              onChange={setRow}
              kind={chooserKind(rows)}
            />
          )}
        </div>
        {hint && <p class="said lane-hint">{hint}</p>}
        <label class="field note-field">
          <span class="note-label">
            <span>{p.yourNote}</span>
            <small id={counterId} class={length > maxNoteLength ? 'over' : ''}>
              {p.noteCounter(length, maxNoteLength)}
            </small>
          </span>
          <textarea
            rows={3}
            maxLength={maxNoteLength * 2}
            value={text}
            aria-describedby={counterId}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setAdded(false);
            }}
          />
        </label>
        <button
          type="submit"
          class="primary big"
          disabled={why !== undefined || length === 0}
          aria-describedby={why !== undefined ? whyId : undefined}
        >
          {p.addNote}
        </button>
        {why !== undefined && (
          <p id={whyId} class="why">
            {why}
          </p>
        )}
        <p class="note-added" role="status">
          {added && session.connection.outboxSize() === 0 ? `✓ ${p.noteAdded(myNotes.length)}` : ''}
        </p>
      </form>
      <p class="board-privacy">
        {spec?.notesLive ? (spec.oneBoardForRoom ? p.noteLiveRoom : p.noteLive) : p.notePrivate}{' '}
        {spec?.named ? p.noteNamed : p.noteAnonymous}
      </p>
      <NotesStatus session={session} />
      <MyNotes ctx={ctx} notes={myNotes} />
      {spec?.notesLive && others.length > 0 && (
        <>
          <h3>{spec.oneBoardForRoom ? p.roomNotes : p.groupNotes}</h3>
          <Cells ctx={ctx} notes={others} later={false} render={(n) => <NoteCard ctx={ctx} note={n} />} />
        </>
      )}
    </>
  );
}

// The lane chooser: chips for a few short titles, a select otherwise.
function LaneChooser({
  label,
  lanes,
  value,
  onChange,
  kind,
}: {
  label: string;
  lanes: string[];
  value: number;
  onChange: (i: number) => void;
  kind: 'chips' | 'select';
}) {
  if (lanes.length <= 1) return null;
  if (kind === 'select') {
    return (
      <label class="field lane-select">
        <span>{label}</span>
        <select value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
          {lanes.map((title, i) => (
            <option key={i} value={String(i)}>
              {title}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <fieldset class="lane-chips">
      <legend>{label}</legend>
      {lanes.map((title, i) => (
        <button key={i} type="button" class="chip" aria-pressed={i === value} onClick={() => onChange(i)}>
          {title}
        </button>
      ))}
    </fieldset>
  );
}

// How many notes wait to be sent, and a note the server refused (as other answers say it).
function NotesStatus({ session }: { session: Session }) {
  const m = usePhoneBoardMessages();
  const { connection } = session;
  const waiting = connection.outboxSize();
  const refused = connection.refusedSubmission;
  const ours =
    refused && ['addNote', 'editNote', 'deleteNote'].includes(refused.kind ?? '') ? refused.reply : undefined;
  return (
    <>
      {waiting > 0 && (
        <p class="pending" role="status">
          {connection.busyLong ? m.pendingBusy(waiting) : m.pendingAnswers(waiting)}
        </p>
      )}
      {ours && !ours.ok && (
        <Notice onClose={() => connection.forgetRefusal()}>
          {m.notesRefused} {rejectionText(m, ours.code)}
        </Notice>
      )}
    </>
  );
}

// My notes on this board, each with edit and delete while writing, and what the facilitators
// did to it.
function MyNotes({ ctx, notes }: { ctx: Ctx; notes: BoardNote[] }) {
  const p = usePhoneBoardMessages();
  const [editing, setEditing] = useState<number | undefined>(undefined);
  return (
    <div class="my-notes">
      <h3>{p.myNotes(notes.length)}</h3>
      {notes.length === 0 ? (
        <p class="muted">{p.noNotesYet}</p>
      ) : (
        <ul class="board-notes">
          {notes.map((n) =>
            editing === n.id ? (
              <li key={n.id} class="board-note mine">
                <EditNote
                  ctx={ctx}
                  note={n}
                  onDone={() => {
                    setEditing(undefined);
                  }}
                />
              </li>
            ) : (
              <NoteCard key={n.id} ctx={ctx} note={n} showCell>
                <div class="note-actions">
                  {!n.hidden && (
                    <button type="button" aria-label={p.editNote(excerpt(n.text))} onClick={() => setEditing(n.id)}>
                      {p.edit}
                    </button>
                  )}
                  <ConfirmButton
                    class="danger"
                    label={p.deleteNote(excerpt(n.text))}
                    question={p.deleteQuestion}
                    yes={p.yesDelete}
                    onClick={() => ctx.session.connection.submit({ case: 'deleteNote', value: { noteId: n.id } })}
                  >
                    {p.delete}
                  </ConfirmButton>
                </div>
                {ctx.board.spec?.links && <GoalLinks ctx={ctx} note={n} />}
              </NoteCard>
            ),
          )}
        </ul>
      )}
    </div>
  );
}

function EditNote({ ctx, note, onDone }: { ctx: Ctx; note: BoardNote; onDone: () => void }) {
  const p = usePhoneBoardMessages();
  const [text, setText] = useState(note.text);
  const length = codePoints(cleanText(text));
  const save = (event: Event) => {
    event.preventDefault();
    const value = cleanText(text);
    if (value && value !== note.text && length <= maxNoteLength) {
      ctx.session.connection.submit({ case: 'editNote', value: { noteId: note.id, text: value } });
    }
    onDone();
  };
  return (
    <form onSubmit={save}>
      <label class="field note-field">
        <span class="note-label">
          <span>{p.yourNote}</span>
          <small class={length > maxNoteLength ? 'over' : ''}>{p.noteCounter(length, maxNoteLength)}</small>
        </span>
        <textarea rows={3} maxLength={maxNoteLength * 2} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="note-actions">
        <button type="submit" class="primary" disabled={length === 0 || length > maxNoteLength}>
          {p.save}
        </button>
        <button type="button" onClick={onDone}>
          {p.cancel}
        </button>
      </div>
    </form>
  );
}

// ---- A note, and the board's cells

function NoteCard({
  ctx,
  note,
  showCell = false,
  children,
}: {
  ctx: Ctx;
  note: BoardNote;
  showCell?: boolean;
  children?: ComponentChildren;
}) {
  const p = usePhoneBoardMessages();
  const spec = ctx.board.spec;
  const mine = ctx.mine.has(note.id);
  const goals = note.linkedColumns.map((c) => spec?.columns[c]?.title).filter(Boolean);
  const linked = note.linkedNotes
    .map((id) => ctx.notes.find((n) => n.id === id))
    .filter((n): n is BoardNote => n !== undefined);
  return (
    <li class={`board-note${mine ? ' mine' : ''}${note.hidden ? ' hidden-note' : ''}`} data-note={note.id}>
      <p class="said answer-text">{note.text}</p>
      {(showCell || mine || note.authorName || goals.length > 0) && (
        <p class="note-meta">
          {showCell && (
            <span>{p.inCell(spec?.columns[note.column]?.title ?? '', spec?.rows[note.row]?.title ?? '')}</span>
          )}
          {note.authorName && <span class="said name">{note.authorName}</span>}
          {mine && <span class="tag">{p.yours}</span>}
          {goals.map((g) => (
            <span key={g} class="tag goal-tag">
              → {g}
            </span>
          ))}
        </p>
      )}
      {linked.length > 0 && (
        <ul class="note-links">
          {linked.map((n) => (
            <li key={n.id}>↔ {p.linkedTo(excerpt(n.text))}</li>
          ))}
        </ul>
      )}
      {mine && note.hidden && <p class="moderated">{p.hiddenByFacilitator}</p>}
      {mine && note.editedByFacilitator && <p class="moderated">{p.editedByFacilitator}</p>}
      {children}
    </li>
  );
}

// The board's cells, row by row: each row's title, and from the reveal on its later prompt
// ("¿Por qué actuaron así?") over it; each cell folds to its count once the board is full,
// and a column can be shown alone.
function Cells({
  ctx,
  notes,
  later,
  render,
}: {
  ctx: Ctx;
  notes: BoardNote[];
  later: boolean;
  render: (note: BoardNote) => ComponentChildren;
}) {
  const [only, setOnly] = useState(-1);
  const fold = notes.length > foldCellsFrom;
  const rows = cellsOf(ctx.board);
  return (
    <div class="board-cells">
      {fold && <ColumnFilter board={ctx.board} value={only} onChange={setOnly} />}
      {rows.map((cells, row) => {
        const rowLane = cells[0]?.rowLane;
        const shown = cells
          .filter((cell) => only < 0 || cell.column === only)
          .map((cell) => ({ cell, notes: notesIn(notes, cell.column, cell.row).sort(byCell) }))
          .filter((x) => x.notes.length > 0);
        if (shown.length === 0) return null;
        return (
          <div class="board-row" key={row}>
            {rowLane && <h3 class="row-title">{rowLane.title}</h3>}
            {later && rowLane?.laterPrompt && <p class="later-prompt">{rowLane.laterPrompt}</p>}
            {shown.map(({ cell, notes: inCell }) => (
              <details class="board-cell" key={cell.column} open={!fold || only >= 0}>
                <summary>
                  <span class="said">{cell.columnLane?.title}</span>
                  <span class="count">{inCell.length}</span>
                </summary>
                <ul class="board-notes">{inCell.map(render)}</ul>
              </details>
            ))}
          </div>
        );
      })}
    </div>
  );
}

// Many notes: one column at a time, or all.
function ColumnFilter({ board, value, onChange }: { board: Board; value: number; onChange: (column: number) => void }) {
  const p = usePhoneBoardMessages();
  const columns = board.spec?.columns ?? [];
  if (columns.length < 2) return null;
  return (
    <label class="field column-filter">
      <span>{p.showColumn}</span>
      <select value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
        <option value="-1">{p.allColumns}</option>
        {columns.map((lane, i) => (
          <option key={i} value={String(i)}>
            {lane.title}
          </option>
        ))}
      </select>
    </label>
  );
}

// ---- The reveal

function Reveal({ ctx }: { ctx: Ctx }) {
  const p = usePhoneBoardMessages();
  const visible = ctx.notes.filter((n) => !n.hidden || ctx.mine.has(n.id));
  return (
    <>
      {ctx.board.spec?.prompt && <p class="said board-prompt">{ctx.board.spec.prompt}</p>}
      <p class="board-how" data-primary>
        {visible.length === 0 ? p.noNotes : p.revealedCount(visible.length)}
      </p>
      <Cells ctx={ctx} notes={visible} later render={(n) => <NoteCard key={n.id} ctx={ctx} note={n} />} />
    </>
  );
}

// ---- Grouping and links

interface Picking {
  note: BoardNote;
  what: 'group' | 'link';
}

function Group({ ctx }: { ctx: Ctx }) {
  const p = usePhoneBoardMessages();
  const b = useBoardMessages();
  const command = useCommand(ctx.session);
  const [picking, setPicking] = useState<Picking | undefined>(undefined);
  const spec = ctx.board.spec;
  const may = !spec?.groupingByFacilitatorsOnly;
  const links = may && (spec?.links ?? false);
  const visible = ctx.notes.filter((n) => !n.hidden);
  const clusters = clustersOf(ctx.session.view, ctx.board.board, ctx.group);
  const units = unitsOf(visible, clusters);
  const clustered = units.filter((u) => u.cluster !== undefined);
  const loose = units.filter((u) => u.cluster === undefined).flatMap((u) => u.notes);
  const send = (body: CommandBody) => {
    setPicking(undefined);
    void command.send(body);
  };
  // Picking: the note picked first goes with (or links to) the one tapped now.
  const pickHere = (target: BoardNote) =>
    picking?.what === 'link'
      ? send({ case: 'linkNotes', value: { noteId: picking.note.id, toNoteId: target.id, linked: true } })
      : picking && send({ case: 'groupNote', value: { noteId: picking.note.id, intoNoteId: target.id } });

  const actions = (n: BoardNote, inCluster: boolean) => {
    if (!may) return null;
    if (picking) {
      if (picking.note.id === n.id) return null;
      if (picking.what === 'group' && inCluster) return null; // the cluster has its own button
      return (
        <div class="note-actions">
          <button
            type="button"
            class="primary"
            aria-label={picking.what === 'link' ? p.linkWith(excerpt(n.text)) : p.putInto(excerpt(n.text))}
            onClick={() => pickHere(n)}
          >
            {picking.what === 'link' ? p.linkHere : p.putHere}
          </button>
        </div>
      );
    }
    return (
      <>
        <div class="note-actions">
          <button
            type="button"
            aria-label={p.groupWithNote(excerpt(n.text))}
            onClick={() => setPicking({ note: n, what: 'group' })}
          >
            {p.groupWith}
          </button>
          {inCluster && (
            <button
              type="button"
              aria-label={p.takeOutOf(excerpt(n.text))}
              onClick={() => send({ case: 'groupNote', value: { noteId: n.id, intoNoteId: 0 } })}
            >
              {p.takeOut}
            </button>
          )}
          {links && (
            <button
              type="button"
              aria-label={p.linkNoteWith(excerpt(n.text))}
              onClick={() => setPicking({ note: n, what: 'link' })}
            >
              {p.linkNote}
            </button>
          )}
        </div>
        {links && <NoteLinks ctx={ctx} note={n} send={send} />}
        {links && <GoalLinks ctx={ctx} note={n} send={send} />}
      </>
    );
  };

  return (
    <>
      <p class="board-how" data-primary>
        {!may ? p.groupByFacilitators : links ? p.groupHowLinks : p.groupHow}
      </p>
      {picking && (
        <div class="picking" role="status">
          <span>
            {picking.what === 'link'
              ? p.pickingLink(excerpt(picking.note.text))
              : p.picking(excerpt(picking.note.text))}
          </span>
          <button type="button" onClick={() => setPicking(undefined)}>
            {p.cancel}
          </button>
        </div>
      )}
      <Refusal command={command} />
      {visible.length === 0 && <p class="muted">{p.noNotes}</p>}
      {clustered.length > 0 && (
        <>
          <h3>{p.clusters}</h3>
          <ul class="clusters">
            {clustered.map((u) => (
              <ClusterBox key={u.key} unit={u} may={may} send={send}>
                {picking?.what === 'group' && !u.notes.some((n) => n.id === picking.note.id) && (
                  <button
                    type="button"
                    class="primary"
                    aria-label={p.putInto(clusterName(u.cluster, b.untitledCluster))}
                    onClick={() => u.notes[0] && pickHere(u.notes[0])}
                  >
                    {p.putHere}
                  </button>
                )}
                <ul class="board-notes">
                  {u.notes.map((n) => (
                    <NoteCard key={n.id} ctx={ctx} note={n}>
                      {actions(n, true)}
                    </NoteCard>
                  ))}
                </ul>
              </ClusterBox>
            ))}
          </ul>
        </>
      )}
      {loose.length > 0 && (
        <>
          {clustered.length > 0 && <h3>{p.loose}</h3>}
          <Cells
            ctx={ctx}
            notes={loose}
            later
            render={(n) => (
              <NoteCard key={n.id} ctx={ctx} note={n}>
                {actions(n, false)}
              </NoteCard>
            )}
          />
        </>
      )}
    </>
  );
}

function clusterName(cluster: BoardCluster | undefined, untitled: string): string {
  return cluster?.title || untitled;
}

// A cluster: its name (which whoever may group can change) and its notes.
function ClusterBox({
  unit,
  may,
  send,
  children,
}: {
  unit: Unit;
  may: boolean;
  send: (body: CommandBody) => void;
  children: ComponentChildren;
}) {
  const p = usePhoneBoardMessages();
  const b = useBoardMessages();
  const cluster = unit.cluster;
  const [title, setTitle] = useState(cluster?.title ?? '');
  const inputId = useId();
  useEffect(() => setTitle(cluster?.title ?? ''), [cluster?.title]);
  if (!cluster) return null;
  return (
    <li class="cluster" data-cluster={cluster.id}>
      {may ? (
        <form
          class="cluster-name"
          onSubmit={(e) => {
            e.preventDefault();
            send({ case: 'nameCluster', value: { clusterId: cluster.id, title: cleanText(title) } });
          }}
        >
          <label class="visually-hidden" for={inputId}>
            {p.clusterTitle}
          </label>
          <input
            id={inputId}
            type="text"
            value={title}
            maxLength={maxClusterTitleLength}
            placeholder={b.untitledCluster}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <button type="submit" disabled={cleanText(title) === cluster.title}>
            {p.nameCluster}
          </button>
        </form>
      ) : (
        <h4 class="said">{clusterName(cluster, b.untitledCluster)}</h4>
      )}
      {children}
    </li>
  );
}

// The notes this one links to, each with its "unlink".
function NoteLinks({ ctx, note, send }: { ctx: Ctx; note: BoardNote; send: (body: CommandBody) => void }) {
  const p = usePhoneBoardMessages();
  const linked = note.linkedNotes
    .map((id) => ctx.notes.find((n) => n.id === id))
    .filter((n): n is BoardNote => n !== undefined);
  if (linked.length === 0) return null;
  return (
    <div class="note-actions">
      {linked.map((n) => (
        <button
          key={n.id}
          type="button"
          aria-label={p.unlinkNote(excerpt(n.text))}
          onClick={() => send({ case: 'linkNotes', value: { noteId: note.id, toNoteId: n.id, linked: false } })}
        >
          {p.unlink} ↔ {excerpt(n.text, 16)}
        </button>
      ))}
    </div>
  );
}

// The other goal columns a note also serves (the SDG map), as toggles.
function GoalLinks({ ctx, note, send }: { ctx: Ctx; note: BoardNote; send?: (body: CommandBody) => void }) {
  const p = usePhoneBoardMessages();
  const columns = ctx.board.spec?.columns ?? [];
  if (columns.length < 2) return null;
  const toggle = (column: number, linked: boolean) => {
    const body: CommandBody = { case: 'linkGoal', value: { noteId: note.id, column, linked } };
    if (send) send(body);
    else ctx.session.connection.submit(body);
  };
  return (
    <fieldset class="lane-chips goal-links">
      <legend>{p.alsoServes}</legend>
      {columns.map((lane, i) =>
        i === note.column ? null : (
          <button
            key={i}
            type="button"
            class="chip"
            aria-pressed={note.linkedColumns.includes(i)}
            aria-label={p.linkGoal(lane.title)}
            onClick={() => toggle(i, !note.linkedColumns.includes(i))}
          >
            {lane.title}
          </button>
        ),
      )}
    </fieldset>
  );
}

// ---- Voting

function Vote({ ctx }: { ctx: Ctx }) {
  const p = usePhoneBoardMessages();
  const b = useBoardMessages();
  const command = useCommand(ctx.session);
  // The unit a dot was refused on ('' for a dot taken back): why is said from the dots as they
  // are now, since the refusal may arrive before the dot that made it.
  const [refused, setRefused] = useState<string | undefined>(undefined);
  const [only, setOnly] = useState(-1);
  const leftId = useId();
  const { session, board, me } = ctx;
  const mine = myDots(session.view, me, board.board);
  const tallies = talliesOf(session.view, board.board);
  const clusters = clustersOf(session.view, board.board, ctx.group);
  const units = unitsOf(ctx.notes, clusters);
  const budget = budgetOf(board);
  const cap = capOf(board);
  const left = dotsLeft(board, mine);

  const cast = async (unit: Unit) => {
    const ok = await command.send({ case: 'castDot', value: { noteId: castTarget(unit, mine) } });
    setRefused(ok ? undefined : unit.key);
  };
  const withdraw = async (unit: Unit) => {
    const from = withdrawTarget(unit, mine);
    if (from === undefined) return;
    const ok = await command.send({ case: 'withdrawDot', value: { noteId: from } });
    setRefused(ok ? undefined : '');
  };
  const refusedOn = units.find((u) => u.key === refused);
  const why: DotBlock | undefined = refusedOn && castBlock(board, refusedOn, mine);

  return (
    <>
      <div class="dots-left" data-primary role="status">
        <strong id={leftId}>{p.dotsLeft(left, budget)}</strong>
        <span class="dot-row" aria-hidden="true">
          {'●'.repeat(left)}
          {'○'.repeat(Math.max(0, budget - left))}
        </span>
        {left === 0 && <small>{p.noDotsLeft}</small>}
      </div>
      <p class="muted vote-how">{p.voteHow(cap)}</p>
      {refused !== undefined && command.refusal !== '' && (
        <Notice
          onClose={() => {
            setRefused(undefined);
            command.clear();
          }}
        >
          {why === 'budget' ? p.refusedBudget(budget) : why === 'cap' ? p.refusedCap(cap) : command.refusal}
        </Notice>
      )}
      {units.length === 0 && <p class="muted">{p.nothingToVote}</p>}
      {units.length > foldCellsFrom && <ColumnFilter board={board} value={only} onChange={setOnly} />}
      <ul class="vote-units">
        {units
          .filter((u) => only < 0 || u.notes.some((n) => n.column === only))
          .map((u) => {
            const on = dotsOn(u, mine);
            const block = castBlock(board, u, mine);
            const name = u.cluster ? clusterName(u.cluster, b.untitledCluster) : (u.notes[0]?.text ?? '');
            const total = u.notes.reduce((sum, n) => sum + (tallies.get(n.id) ?? 0), 0);
            return (
              <VoteUnit
                key={u.key}
                ctx={ctx}
                unit={u}
                name={name}
                on={on}
                total={tallies.size > 0 ? total : undefined}
                block={block}
                cap={cap}
                leftId={leftId}
                onCast={() => void cast(u)}
                onWithdraw={() => void withdraw(u)}
              />
            );
          })}
      </ul>
    </>
  );
}

function VoteUnit({
  ctx,
  unit,
  name,
  on,
  total,
  block,
  cap,
  leftId,
  onCast,
  onWithdraw,
}: {
  ctx: Ctx;
  unit: Unit;
  name: string;
  on: number;
  total: number | undefined;
  block: DotBlock | undefined;
  cap: number;
  leftId: string;
  onCast: () => void;
  onWithdraw: () => void;
}) {
  const p = usePhoneBoardMessages();
  const capId = useId();
  const short = excerpt(name);
  return (
    <li class={`vote-unit${on > 0 ? ' voted' : ''}`} data-unit={unit.key}>
      <div class="unit-text">
        {unit.cluster ? (
          <>
            <strong class="said">{name}</strong>
            <ClusterNotes ctx={ctx} notes={unit.notes} />
          </>
        ) : (
          <p class="said answer-text">{name}</p>
        )}
        <p class="note-meta">
          <span class="my-dots">{p.myDotsHere(on)}</span>
          {total !== undefined && <span>{p.totalDots(total)}</span>}
          {unit.notes.some((n) => ctx.mine.has(n.id)) && <span class="tag">{p.yours}</span>}
        </p>
        {block === 'cap' && (
          <p id={capId} class="why">
            {p.capReached(cap)}
          </p>
        )}
      </div>
      <div class="dot-buttons">
        <button type="button" aria-label={p.withdrawDot(short)} disabled={on === 0} onClick={onWithdraw}>
          −
        </button>
        <button
          type="button"
          class="primary"
          aria-label={p.castDot(short)}
          disabled={block !== undefined}
          title={block === 'cap' ? p.capReached(cap) : block === 'budget' ? p.noDotsLeft : undefined}
          aria-describedby={block === 'cap' ? capId : block === 'budget' ? leftId : undefined}
          onClick={onCast}
        >
          +
        </button>
      </div>
    </li>
  );
}

// A cluster's notes, the first few, then how many more.
function ClusterNotes({ ctx, notes }: { ctx: Ctx; notes: BoardNote[] }) {
  const p = usePhoneBoardMessages();
  const shown = notes.slice(0, 4);
  return (
    <ul class="cluster-notes">
      {shown.map((n) => (
        <li key={n.id} class="said">
          {n.text}
          {ctx.mine.has(n.id) && <span class="tag">{p.yours}</span>}
        </li>
      ))}
      {notes.length > shown.length && <li class="muted">{p.andMore(notes.length - shown.length)}</li>}
    </ul>
  );
}

// ---- Results

function Results({ ctx }: { ctx: Ctx }) {
  const p = usePhoneBoardMessages();
  const b = useBoardMessages();
  const { session, board } = ctx;
  const ranked = ranking(
    ctx.notes,
    clustersOf(session.view, board.board, ctx.group),
    talliesOf(session.view, board.board),
  );
  const voted = ranked.filter((u) => u.dots > 0);
  const rest = ranked.filter((u) => u.dots === 0);
  return (
    <>
      <h3>{p.ranking}</h3>
      {voted.length === 0 ? (
        <p class="calm" data-primary>
          {p.noVotes}
        </p>
      ) : (
        <ol class="board-ranking">
          {voted.map((u, i) => (
            <li
              key={u.cluster ? `c${u.cluster.id}` : `n${u.notes[0]?.id}`}
              class={u.rank === 1 ? 'top' : ''}
              data-primary={i === 0 || undefined}
            >
              <span class="rank">{p.rankN(u.rank)}</span>
              <div class="unit-text">
                {u.cluster ? (
                  <>
                    <strong class="said">{clusterName(u.cluster, b.untitledCluster)}</strong>
                    <ClusterNotes ctx={ctx} notes={u.notes} />
                  </>
                ) : (
                  <p class="said answer-text">{u.notes[0]?.text}</p>
                )}
              </div>
              <span class="rank-dots">{b.dotCount(u.dots)}</span>
            </li>
          ))}
        </ol>
      )}
      {rest.length > 0 && (
        <details class="no-dots">
          <summary>{p.noDotsNotes(rest.reduce((n, u) => n + u.notes.length, 0))}</summary>
          <ul class="board-notes">
            {rest
              .flatMap((u) => u.notes)
              .map((n) => (
                <NoteCard key={n.id} ctx={ctx} note={n} />
              ))}
          </ul>
        </details>
      )}
    </>
  );
}

// ---- A draft that survives a reload (kept in localStorage while not empty)

function useDraft(key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => {
    try {
      return localStorage.getItem(key) ?? '';
    } catch {
      return '';
    }
  });
  const update = (next: string) => {
    setText(next);
    try {
      if (next) localStorage.setItem(key, next);
      else localStorage.removeItem(key);
    } catch {
      // Storage full or forbidden: the draft lives as long as the page.
    }
  };
  return [text, update];
}
