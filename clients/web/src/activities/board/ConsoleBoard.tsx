import { useState } from 'preact/hooks';
import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { type Board, type BoardCluster, type BoardNote } from '../../gen/campana/v1/board_pb';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { Notice } from '../../ui/Chrome';
import { GuardedButton } from '../../ui/GuardedButton';
import { fetchExport } from '../../net/fetchExport';
import { csvText, downloadFile } from '../../pages/console/exportFile';
import { cleanText } from '../../ui/text';
import { type CommandState, Refusal, useCommand } from '../../ui/useCommand';
import type { ViewProps } from '../activity';
import { clustersOf, currentBoard, nextPhase, notesOf, phases, talliesOf } from './BoardSelectors';
import { boardRows, boardsJson, type CsvWords, parseExport } from './consoleCsv';
import { useBoardConsoleMessages } from './consoleMessages';
import {
  type BoardBlock,
  clusterTitleMaxLength,
  editBlock,
  groupBlock,
  nameClusterBlock,
  noteMaxLength,
  phaseBlock,
  ungroupBlock,
} from './guards';
import { useBoardMessages } from './messages';
import './ConsoleBoard.css';

// How many notes the moderation list shows at first, and adds with "see more".
const notesPerPage = 50;

// The run of show of a board item: its phases (the next one primary), the counts per group, which
// group's board the projector shows, the CSV and JSON export, and moderation: every note (private
// ones before the reveal too), to hide, show again or edit, and, in the group phase, to group by
// picking one note and joining others to it, and to title the clusters.
export function ConsoleBoard({ session }: ViewProps) {
  const b = useBoardMessages();
  const c = useBoardConsoleMessages();
  const command = useCommand(session);
  const { view } = session;
  const [exportFailed, setExportFailed] = useState(false);
  const board = currentBoard(view);
  const spec = board?.spec;
  if (!board || !spec) return null;
  const why = (block: BoardBlock | undefined) => (block === undefined ? undefined : c.boardBlocked[block]);
  const notes = notesOf(view, board.board);
  const clusters = clustersOf(view, board.board);
  const tallies = talliesOf(view, board.board);
  const groups = boardGroups(board, view.doc(DocKind.GROUPS)?.kinds.length ?? 0, notes);
  const next = nextPhase(board.phase);
  const exportAs = (kind: 'csv' | 'json') => {
    setExportFailed(false);
    void downloadBoards(session.code, kind, c.boardCsv).then((ok) => setExportFailed(!ok));
  };
  return (
    <section class="panel board-panel" aria-labelledby="console-board">
      <h2 id="console-board">{b.board}</h2>
      <p class="muted">
        {c.boardSettings({
          perGroup: !spec.oneBoardForRoom,
          live: spec.notesLive,
          named: spec.named,
          budget: spec.dotBudget,
          cap: spec.dotCap,
          talliesLive: spec.talliesLive,
          links: spec.links,
        })}
      </p>
      <div class="buttons board-phases" role="group" aria-label={c.boardPhases}>
        {phases.map((phase) => (
          <GuardedButton
            key={phase}
            class={phase === next ? 'primary' : phase === board.phase ? 'current' : ''}
            why={why(phaseBlock(board, phase))}
            onClick={() => void command.send({ case: 'setBoardPhase', value: { board: board.board, phase } })}
          >
            {b.boardPhase(phase)}
          </GuardedButton>
        ))}
      </div>
      <p role="status" class="board-phase-now">
        {c.boardPhaseNow(b.boardPhase(board.phase))}
      </p>
      <Counts groups={groups} notes={notes} clusters={clusters} tallies={tallies} />
      <div class="board-tools">
        {!spec.oneBoardForRoom && (
          <label class="field">
            <span>{c.boardOnProjector}</span>
            <select
              value={String(board.projectedGroup)}
              onChange={(e) =>
                void command.send({
                  case: 'projectBoard',
                  value: { board: board.board, group: Number(e.currentTarget.value) },
                })
              }
            >
              <option value="0">{c.boardAllGroupsOption}</option>
              {groups.map((g) => (
                <option key={g} value={String(g)}>
                  {b.groupBoard(g)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div class="buttons">
          <button type="button" onClick={() => exportAs('csv')}>
            {c.boardExportCsv}
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            {c.boardExportJson}
          </button>
        </div>
      </div>
      {exportFailed && <Notice onClose={() => setExportFailed(false)}>{c.boardExportFailed}</Notice>}
      <Refusal command={command} />
      <Moderation
        key={board.board}
        board={board}
        groups={groups}
        notes={notes}
        clusters={clusters}
        tallies={tallies}
        command={command}
      />
    </section>
  );
}

// The boards of the item: the room's, or one per group (those the groups document lists, and any
// a note is on).
function boardGroups(board: Board, groupCount: number, notes: BoardNote[]): number[] {
  if (board.spec?.oneBoardForRoom) return [0];
  const groups = new Set<number>();
  for (let g = 1; g <= groupCount; g++) groups.add(g);
  for (const n of notes) groups.add(n.group);
  return [...groups].sort((x, y) => x - y);
}

function Counts({
  groups,
  notes,
  clusters,
  tallies,
}: {
  groups: number[];
  notes: BoardNote[];
  clusters: BoardCluster[];
  tallies: Map<number, number>;
}) {
  const b = useBoardMessages();
  const c = useBoardConsoleMessages();
  const rows = new Map(groups.map((g) => [g, { notes: 0, hidden: 0, clusters: 0, dots: 0 }]));
  const total = { notes: 0, hidden: 0, clusters: 0, dots: 0 };
  for (const n of notes) {
    const row = rows.get(n.group);
    const dots = tallies.get(n.id) ?? 0;
    for (const r of row ? [row, total] : [total]) {
      r.notes += 1;
      if (n.hidden) r.hidden += 1;
      r.dots += dots;
    }
  }
  for (const k of clusters) {
    const row = rows.get(k.group);
    if (row) row.clusters += 1;
    total.clusters += 1;
  }
  const line = (name: string, r: typeof total, key: string) => (
    <tr key={key} data-board-group={key}>
      <th scope="row">{name}</th>
      <td>{r.notes}</td>
      <td>{r.hidden}</td>
      <td>{r.clusters}</td>
      <td>{r.dots}</td>
    </tr>
  );
  return (
    <table class="board-counts">
      <caption>{c.boardCounts}</caption>
      <thead>
        <tr>
          <th scope="col">{c.boardCountGroup}</th>
          <th scope="col">{c.boardCountNotes}</th>
          <th scope="col">{c.boardCountHidden}</th>
          <th scope="col">{c.boardCountClusters}</th>
          <th scope="col">{c.boardCountDots}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => line(g === 0 ? b.roomBoard : b.groupBoard(g), rows.get(g)!, String(g)))}
        {groups.length > 1 && line(c.boardTotal, total, 'total')}
      </tbody>
    </table>
  );
}

function Moderation({
  board,
  groups,
  notes,
  clusters,
  tallies,
  command,
}: {
  board: Board;
  groups: number[];
  notes: BoardNote[];
  clusters: BoardCluster[];
  tallies: Map<number, number>;
  command: CommandState;
}) {
  const b = useBoardMessages();
  const c = useBoardConsoleMessages();
  const [chosenGroup, setGroup] = useState(-1); // -1: every group
  const group = groups.includes(chosenGroup) ? chosenGroup : -1;
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(notesPerPage);
  const [pickedId, setPickedId] = useState(0);
  const grouping = board.phase === BoardPhase.GROUP;
  const picked = grouping ? notes.find((n) => n.id === pickedId) : undefined;
  const needle = search.trim().toLocaleLowerCase();
  const matching = notes
    .filter((n) => (group < 0 || n.group === group) && (!needle || n.text.toLocaleLowerCase().includes(needle)))
    .reverse(); // newest first
  const shown = matching.slice(0, limit);
  const clusterById = new Map(clusters.map((k) => [k.id, k]));
  return (
    <section class="board-moderation" aria-labelledby="board-moderation">
      <h3 id="board-moderation">{c.boardModeration}</h3>
      <p class="muted">{c.boardModerationHint}</p>
      <div class="board-filters">
        {groups.length > 1 && (
          <label class="field">
            <span>{c.boardFilterGroup}</span>
            <select value={String(group)} onChange={(e) => setGroup(Number(e.currentTarget.value))}>
              <option value="-1">{c.boardAllGroupsOption}</option>
              {groups.map((g) => (
                <option key={g} value={String(g)}>
                  {b.groupBoard(g)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="field">
          <span>{c.boardSearch}</span>
          <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </label>
      </div>
      {board.phase < BoardPhase.GROUP && notes.length > 0 && <p class="muted">{c.boardBlocked.notGroupPhase}</p>}
      {picked && (
        <div class="board-picked" role="status">
          <span class="said">{c.boardPicked(picked.text)}</span>
          <button type="button" onClick={() => setPickedId(0)}>
            {b.cancel}
          </button>
        </div>
      )}
      <p class="muted">
        {notes.length === 0
          ? c.boardNoNotesYet
          : matching.length === 0
            ? c.boardNoneMatch
            : c.boardShowingOf(shown.length, matching.length)}
      </p>
      <ul class="board-mod-notes">
        {shown.map((n) => (
          <NoteRow
            key={n.id}
            board={board}
            note={n}
            cluster={clusterById.get(n.clusterId)}
            dots={tallies.get(n.id) ?? 0}
            picked={picked}
            grouping={grouping}
            onPick={() => setPickedId(n.id)}
            command={command}
          />
        ))}
      </ul>
      {matching.length > shown.length && (
        <button type="button" onClick={() => setLimit((l) => l + notesPerPage)}>
          {c.boardSeeMore}
        </button>
      )}
      {clusters.length > 0 && (
        <Clusters
          board={board}
          clusters={group < 0 ? clusters : clusters.filter((k) => k.group === group)}
          command={command}
        />
      )}
    </section>
  );
}

function NoteRow({
  board,
  note,
  cluster,
  dots,
  picked,
  grouping,
  onPick,
  command,
}: {
  board: Board;
  note: BoardNote;
  cluster: BoardCluster | undefined;
  dots: number;
  picked: BoardNote | undefined;
  grouping: boolean;
  onPick: () => void;
  command: CommandState;
}) {
  const b = useBoardMessages();
  const c = useBoardConsoleMessages();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const spec = board.spec;
  const where = [spec?.columns[note.column]?.title, spec?.rows[note.row]?.title].filter(Boolean).join(' · ');
  const noteId = note.id;
  const save = (event?: Event) => {
    event?.preventDefault();
    if (draft === undefined || editBlock(note, draft) !== undefined) return;
    void command
      .send({ case: 'editNote', value: { noteId, text: cleanText(draft) } })
      .then((ok) => ok && setDraft(undefined));
  };
  const why = (block: BoardBlock | undefined) => (block === undefined ? undefined : c.boardBlocked[block]);
  return (
    <li class={`board-mod-note${note.hidden ? ' hidden-note' : ''}`} data-board-note={note.id}>
      <p class="said board-mod-text">{note.text}</p>
      <p class="muted board-mod-meta">
        {[
          spec?.oneBoardForRoom ? '' : b.groupBoard(note.group),
          where,
          note.anonymous ? b.anonymousAuthor : note.authorName,
          cluster ? c.boardInCluster(cluster.title || b.untitledCluster) : '',
          dots > 0 ? b.dotCount(dots) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
        {note.hidden && <strong class="tag">{c.boardHiddenTag}</strong>}
        {note.editedByFacilitator && <span class="tag">{c.boardEditedTag}</span>}
      </p>
      {draft !== undefined ? (
        <form class="board-edit" onSubmit={save}>
          <label class="field">
            <span>{c.boardNoteText}</span>
            <textarea
              rows={3}
              maxLength={noteMaxLength * 2}
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
          </label>
          <div class="buttons">
            <GuardedButton class="primary" why={why(editBlock(note, draft))} onClick={save}>
              {c.boardSave}
            </GuardedButton>
            <button type="button" onClick={() => setDraft(undefined)}>
              {b.cancel}
            </button>
          </div>
        </form>
      ) : (
        <div class="buttons">
          <button
            type="button"
            onClick={() => void command.send({ case: 'hideNote', value: { noteId, hidden: !note.hidden } })}
          >
            {note.hidden ? c.boardUnhide : c.boardHide}
          </button>
          <button type="button" onClick={() => setDraft(note.text)}>
            {c.boardEdit}
          </button>
          {grouping &&
            (picked === undefined ? (
              <button type="button" onClick={onPick}>
                {c.boardPick}
              </button>
            ) : (
              picked.id !== note.id &&
              picked.group === note.group && (
                <GuardedButton
                  why={why(groupBlock(board, note, picked))}
                  onClick={() => void command.send({ case: 'groupNote', value: { noteId, intoNoteId: picked.id } })}
                >
                  {c.boardJoinPicked}
                </GuardedButton>
              )
            ))}
          {grouping && note.clusterId !== 0 && (
            <GuardedButton
              why={why(ungroupBlock(board, note))}
              onClick={() => void command.send({ case: 'groupNote', value: { noteId, intoNoteId: 0 } })}
            >
              {c.boardUngroup}
            </GuardedButton>
          )}
        </div>
      )}
    </li>
  );
}

function Clusters({ board, clusters, command }: { board: Board; clusters: BoardCluster[]; command: CommandState }) {
  const c = useBoardConsoleMessages();
  return (
    <section class="board-clusters" aria-labelledby="board-clusters">
      <h3 id="board-clusters">{c.boardClusters}</h3>
      {clusters.length === 0 ? (
        <p class="muted">{c.boardNoClusters}</p>
      ) : (
        <ul>
          {clusters.map((k) => (
            <ClusterRow key={k.id} board={board} cluster={k} command={command} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ClusterRow({ board, cluster, command }: { board: Board; cluster: BoardCluster; command: CommandState }) {
  const b = useBoardMessages();
  const c = useBoardConsoleMessages();
  const [title, setTitle] = useState(cluster.title);
  const block = nameClusterBlock(board, title) ?? (cleanText(title) === cluster.title ? 'unchanged' : undefined);
  const save = (event?: Event) => {
    event?.preventDefault();
    if (block !== undefined) return;
    void command.send({ case: 'nameCluster', value: { clusterId: cluster.id, title: cleanText(title) } });
  };
  return (
    <li data-board-cluster={cluster.id}>
      <form class="board-cluster-form" onSubmit={save}>
        <label class="field">
          <span>
            {c.boardClusterTitle} · {board.spec?.oneBoardForRoom ? b.roomBoard : b.groupBoard(cluster.group)}
          </span>
          <input
            type="text"
            maxLength={clusterTitleMaxLength * 2}
            value={title}
            placeholder={b.untitledCluster}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <GuardedButton why={block === undefined ? undefined : c.boardBlocked[block]} onClick={save}>
          {c.boardSaveTitle}
        </GuardedButton>
      </form>
    </li>
  );
}

// Fetches the workshop's export and downloads its boards, as CSV or as JSON. False: it failed.
async function downloadBoards(code: string, kind: 'csv' | 'json', words: CsvWords): Promise<boolean> {
  const json = await fetchExport(code);
  if (json === undefined) return false;
  try {
    const data = parseExport(json);
    if (kind === 'csv')
      downloadFile(`campana-${code}-boards.csv`, csvText(boardRows(data, words)), 'text/csv;charset=utf-8');
    else downloadFile(`campana-${code}-boards.json`, boardsJson(data), 'application/json');
    return true;
  } catch (error) {
    console.warn('campana: board export failed', error);
    return false;
  }
}
