import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { type Board, type BoardLane, type BoardNote } from '../../gen/campana/v1/board_pb';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { ViewProps } from '../activity';
import { clustersOf, currentBoard, notesOf, type RankedUnit, ranking, talliesOf } from './BoardSelectors';
import { useBoardMessages } from './messages';
import {
  type CellItem,
  cellItems,
  cellKey,
  dotsShown,
  edgeToEdge,
  linkCounts,
  linkPairs,
  notesShown,
  projectionOf,
} from './screenLayout';
import { useBoardScreenMessages } from './screenMessages';
import './ScreenBoard.css';

// The board on the projector, read from the back of the room, never scrolling (FitFrame fits it:
// the cells' notes flow into the cell's width, the type shrinks to the floor, then each cell's
// list pages by itself). Which board: the one the console projects (`projectedGroup`), the room's,
// or, when it is 0 on a board per group, every group's notes on one grid, each marked with its
// group. While the notes are private the projector has none: it shows the lanes and what to do.
// In the results it shows the ranking (per group, on the overview). Links between notes are drawn
// over the grid from the notes' boxes, after FitFrame has laid them out.
export function ScreenBoard({ session }: ViewProps) {
  const b = useBoardMessages();
  const s = useBoardScreenMessages();
  const { view } = session;
  const board = currentBoard(view);
  const spec = board?.spec;
  if (!board || !spec) return null;
  const { group, overview } = projectionOf(board);
  const shown = notesShown(board);
  const which = overview ? undefined : group;
  const notes = shown ? notesOf(view, board.board, which).filter((n) => !n.hidden) : [];
  const clusters = shown ? clustersOf(view, board.board, which) : [];
  const tallies = dotsShown(board) ? talliesOf(view, board.board) : new Map<number, number>();
  const where = spec.oneBoardForRoom ? b.roomBoard : overview ? s.boardAllGroups : b.groupBoard(group);
  const results = board.phase === BoardPhase.RESULTS;
  return (
    <section
      class="scene screen-board"
      aria-label={b.board}
      data-board-phase={board.phase}
      data-board-group={overview ? 'all' : group}
      data-board-notes={notes.length}
    >
      <p class="board-line">
        <strong class="board-phase">{b.boardPhase(board.phase)}</strong>
        <span>{where}</span>
        <span>{shown ? b.noteCount(notes.length) : s.boardWriting}</span>
      </p>
      {spec.prompt && <h2 class="said title board-prompt">{spec.prompt}</h2>}
      {!shown && <p class="scene-note">{s.boardWritingPrivately}</p>}
      {results ? (
        overview ? (
          <GroupResults board={board} notes={notes} clusters={clusters} tallies={tallies} groups={groupNumbers(view)} />
        ) : (
          <Ranking board={board} units={ranking(notes, clusters, tallies).filter((u) => u.dots > 0)} />
        )
      ) : (
        <Grid
          board={board}
          cells={cellItems(board, notes, clusters, tallies)}
          overview={overview}
          links={spec.links ? linkPairs(notes) : []}
        />
      )}
    </section>
  );
}

function groupNumbers(view: ViewProps['session']['view']): number[] {
  const count = view.doc(DocKind.GROUPS)?.kinds.length ?? 0;
  return Array.from({ length: count }, (_, i) => i + 1);
}

// The lanes: a row of column headings, then each row lane's band (its title, and from the reveal
// on its later prompt) over its cells. Each cell is a list that FitFrame may page.
function Grid({
  board,
  cells,
  overview,
  links,
}: {
  board: Board;
  cells: Map<string, CellItem[]>;
  overview: boolean;
  links: [number, number][];
}) {
  const s = useBoardScreenMessages();
  const grid = useRef<HTMLDivElement>(null);
  const spec = board.spec!;
  const columns = spec.columns;
  const rows: (BoardLane | undefined)[] = spec.rows.length > 0 ? spec.rows : [undefined];
  const writing = board.phase === BoardPhase.WRITE;
  const revealed = board.phase >= BoardPhase.REVEAL;
  const counts = linkCounts(links);
  const template = rows.map((r) => (r ? 'auto minmax(0, 1fr)' : 'minmax(0, 1fr)')).join(' ');
  return (
    <div
      class="board-grid"
      ref={grid}
      style={{
        gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))`,
        gridTemplateRows: `auto ${template}`,
      }}
    >
      {links.length > 0 && <LinkLayer pairs={links} container={grid} />}
      {columns.map((c, i) => (
        <div key={`c${i}`} class="board-column-head" style={{ gridColumn: i + 1, gridRow: 1 }}>
          <h3 class="said title">{c.title}</h3>
          {writing && c.hint && <p class="said board-hint">{c.hint}</p>}
        </div>
      ))}
      {rows.map((r, j) => {
        const cellRow = r ? 3 + 2 * j : 2 + j;
        return [
          r && (
            <div key={`r${j}`} class="board-row-head" style={{ gridColumn: '1 / -1', gridRow: cellRow - 1 }}>
              <h3 class="said title">{r.title}</h3>
              {writing && r.hint && <p class="said board-hint">{r.hint}</p>}
              {revealed && r.laterPrompt && <p class="said board-later">{r.laterPrompt}</p>}
            </div>
          ),
          ...columns.map((c, i) => (
            <ul
              key={`${i}:${j}`}
              class="board-cell"
              data-fit-list
              aria-label={s.boardCell(c.title, r?.title ?? '')}
              style={{ gridColumn: i + 1, gridRow: cellRow }}
            >
              {(cells.get(cellKey(i, j)) ?? []).map((item) =>
                item.kind === 'cluster' ? (
                  <ClusterHead key={`k${item.cluster.id}`} item={item} overview={overview} />
                ) : item.kind === 'more' ? (
                  <li key="more" class="board-more">
                    {s.boardMoreInCell(item.notes)}
                  </li>
                ) : (
                  <NoteItem
                    key={item.note.id}
                    item={item}
                    board={board}
                    overview={overview}
                    links={counts.get(item.note.id) ?? 0}
                  />
                ),
              )}
            </ul>
          )),
        ];
      })}
    </div>
  );
}

function ClusterHead({ item, overview }: { item: Extract<CellItem, { kind: 'cluster' }>; overview: boolean }) {
  const b = useBoardMessages();
  const s = useBoardScreenMessages();
  return (
    <li class={`board-cluster tone-${item.tone}`} data-board-cluster={item.cluster.id}>
      {overview && <span class="board-group-tag">{s.boardGroupTag(item.cluster.group)}</span>}
      <span class="said title">{item.cluster.title || b.untitledCluster}</span>
      {item.dots > 0 && <Dots n={item.dots} />}
    </li>
  );
}

function NoteItem({
  item,
  board,
  overview,
  links,
}: {
  item: Extract<CellItem, { kind: 'note' }>;
  board: Board;
  overview: boolean;
  links: number;
}) {
  const s = useBoardScreenMessages();
  const { note } = item;
  const goals = goalTitles(board, note);
  const tone = item.tone === undefined ? '' : ` clustered tone-${item.tone}`;
  const meta = note.authorName || goals.length > 0 || links > 0 || item.dots > 0;
  return (
    <li class={`board-note${tone}`} data-board-note={note.id}>
      <span class="said board-note-text">
        {overview && <span class="board-group-tag">{s.boardGroupTag(note.group)}</span>} {note.text}
      </span>
      {meta && (
        <span class="board-note-meta">
          {note.authorName && <span class="said name board-author">{note.authorName}</span>}
          {goals.length > 0 && (
            <span class="board-goals">
              <span class="visually-hidden">{s.boardAlsoFor}</span>
              {goals.map((g) => (
                <span key={g} class="board-goal">
                  {g}
                </span>
              ))}
            </span>
          )}
          {links > 0 && (
            <span class="board-link-count">
              <span aria-hidden="true">↔</span> {s.boardLinks(links)}
            </span>
          )}
          {item.dots > 0 && <Dots n={item.dots} />}
        </span>
      )}
    </li>
  );
}

function Dots({ n }: { n: number }) {
  const b = useBoardMessages();
  return (
    <span class="board-dots">
      <span aria-hidden="true">●</span> {b.dotCount(n)}
    </span>
  );
}

function goalTitles(board: Board, note: BoardNote): string[] {
  const columns = board.spec?.columns ?? [];
  return note.linkedColumns.filter((c) => c !== note.column && c < columns.length).map((c) => columns[c]!.title);
}

function cellName(board: Board, note: BoardNote, cell: (column: string, row: string) => string): string {
  const spec = board.spec;
  return cell(spec?.columns[note.column]?.title ?? '', spec?.rows[note.row]?.title ?? '');
}

// The ranking, most dots first, the first line biggest: the first ten (the export has them all).
// A cluster shows its title and its first notes; a note alone, its text and its cell.
const ranksShown = 10;

function Ranking({ board, units }: { board: Board; units: RankedUnit[] }) {
  const s = useBoardScreenMessages();
  if (units.length === 0) return <p class="scene-note">{s.boardNoDots}</p>;
  const shown = units.slice(0, ranksShown);
  return (
    <>
      {units.length > shown.length && <p class="board-top-of">{s.boardTopOf(shown.length, units.length)}</p>}
      <ol class="board-ranking" data-fit-list aria-label={s.boardRanking}>
        {shown.map((u) => (
          <RankRow key={u.cluster ? `k${u.cluster.id}` : u.notes[0]!.id} board={board} unit={u} />
        ))}
      </ol>
    </>
  );
}

const notesInRankRow = 3;

function RankRow({ board, unit, overview = false }: { board: Board; unit: RankedUnit; overview?: boolean }) {
  const b = useBoardMessages();
  const s = useBoardScreenMessages();
  const first = unit.notes[0]!;
  const shownNotes = unit.notes.slice(0, notesInRankRow);
  return (
    <li class="board-rank" data-rank={unit.rank} data-board-cluster={unit.cluster?.id}>
      <span class="board-rank-n">{unit.rank}</span>
      <div class="board-rank-body">
        {unit.cluster && <p class="said title board-rank-title">{unit.cluster.title || b.untitledCluster}</p>}
        <p class="said board-rank-text">
          {shownNotes.map((n, i) => (
            <span key={n.id} data-board-note={n.id}>
              {i > 0 && ' · '}
              {n.text}
            </span>
          ))}
        </p>
        {unit.notes.length > notesInRankRow ? (
          <p class="board-rank-where">{s.boardMoreNotes(unit.notes.length - notesInRankRow)}</p>
        ) : (
          !unit.cluster && !overview && <p class="board-rank-where">{cellName(board, first, s.boardCell)}</p>
        )}
      </div>
      <Dots n={unit.dots} />
    </li>
  );
}

// The results of every group's board: each group's first few, side by side.
const unitsPerGroup = 3;

function GroupResults({
  board,
  notes,
  clusters,
  tallies,
  groups,
}: {
  board: Board;
  notes: BoardNote[];
  clusters: ReturnType<typeof clustersOf>;
  tallies: Map<number, number>;
  groups: number[];
}) {
  const b = useBoardMessages();
  const s = useBoardScreenMessages();
  const byGroup = new Map<number, BoardNote[]>();
  for (const n of notes) {
    const list = byGroup.get(n.group);
    if (list) list.push(n);
    else byGroup.set(n.group, [n]);
  }
  const all = [...new Set([...groups, ...byGroup.keys()])].sort((x, y) => x - y);
  return (
    <ul class="board-group-results" data-fit-list>
      {all.map((g) => {
        const units = ranking(
          byGroup.get(g) ?? [],
          clusters.filter((c) => c.group === g),
          tallies,
        )
          .filter((u) => u.dots > 0)
          .slice(0, unitsPerGroup);
        return (
          <li key={g} class="board-group-result" data-board-group={g}>
            <h3>{b.groupBoard(g)}</h3>
            {units.length === 0 ? (
              <p class="muted">{s.boardNoDots}</p>
            ) : (
              <ol class="board-ranking" aria-label={`${b.groupBoard(g)}: ${s.boardRanking}`}>
                {units.map((u) => (
                  <RankRow key={u.cluster ? `k${u.cluster.id}` : u.notes[0]!.id} board={board} unit={u} overview />
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}

// The links, drawn under the notes (their text stays whole) after every layout: FitFrame's (the type's size, the pages), a
// page turning (items hidden and shown) and a resize. One read of every note's box per drawing,
// no writes between the reads. A link whose other end is on another page is not drawn (the
// note's "n links" says it has one).
function LinkLayer({ pairs, container }: { pairs: [number, number][]; container: RefObject<HTMLDivElement> }) {
  const [lines, setLines] = useState<number[][]>([]);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  const last = useRef('');
  useEffect(() => {
    const box = container.current;
    if (!box) return;
    let frame = 0;
    const draw = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const origin = box.getBoundingClientRect();
        const notes = new Map<number, HTMLElement>();
        for (const el of box.querySelectorAll<HTMLElement>('[data-board-note]')) {
          notes.set(Number(el.dataset.boardNote), el);
        }
        const next: number[][] = [];
        for (const [a, b] of pairs) {
          const ea = notes.get(a);
          const eb = notes.get(b);
          if (!ea || !eb || ea.offsetParent === null || eb.offsetParent === null) continue;
          const ra = ea.getBoundingClientRect();
          const rb = eb.getBoundingClientRect();
          const rel = (r: DOMRect) => ({
            left: r.left - origin.left,
            top: r.top - origin.top,
            width: r.width,
            height: r.height,
          });
          next.push(edgeToEdge(rel(ra), rel(rb)).map((v) => Math.round(v)));
        }
        const key = `${origin.width}x${origin.height}:${next.map((l) => l.join(',')).join(';')}`;
        if (key === last.current) return;
        last.current = key;
        setSize([Math.round(origin.width), Math.round(origin.height)]);
        setLines(next);
      });
    };
    draw();
    const resized = new ResizeObserver(draw);
    resized.observe(box);
    const paged = new MutationObserver(draw);
    paged.observe(box, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
      paged.disconnect();
    };
  }, [pairs, container]);
  return (
    <svg
      class="board-links"
      aria-hidden="true"
      width={size[0]}
      height={size[1]}
      viewBox={`0 0 ${size[0]} ${size[1]}`}
      data-board-links={lines.length}
    >
      {lines.map(([x1, y1, x2, y2]) => (
        <g key={`${x1},${y1},${x2},${y2}`}>
          <line x1={x1} y1={y1} x2={x2} y2={y2} />
          <circle cx={x1} cy={y1} r="5" />
          <circle cx={x2} cy={y2} r="5" />
        </g>
      ))}
    </svg>
  );
}
