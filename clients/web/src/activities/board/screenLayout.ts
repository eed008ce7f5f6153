import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { type Board, type BoardCluster, type BoardNote } from '../../gen/campana/v1/board_pb';
import { rowCount } from './BoardSelectors';

// What the projector lays out, as pure functions of the documents (unit-tested in
// test/board-screen.test.ts): which board it shows, what each cell holds, which links it draws.
// Every function here is linear in the notes: the projector shows boards of thousands.

// Which notes the projector shows: one group's board, the room's, or every group's at once.
export interface Projection {
  group: number; // the board's group; 0: the room's board, or every group's (overview)
  overview: boolean; // a board per group, all of them shown together
}

export function projectionOf(board: Board): Projection {
  if (board.spec?.oneBoardForRoom) return { group: 0, overview: false };
  return { group: board.projectedGroup, overview: board.projectedGroup === 0 };
}

// While the board is written privately no note belongs on the projector (the server sends it
// none; this keeps it so even if a note arrived).
export function notesShown(board: Board): boolean {
  return board.phase !== BoardPhase.WRITE || (board.spec?.notesLive ?? false);
}

// Whether dots are shown: in the results, or during a vote with live tallies.
export function dotsShown(board: Board): boolean {
  return board.phase === BoardPhase.RESULTS || (board.phase === BoardPhase.VOTE && (board.spec?.talliesLive ?? false));
}

// One item of a cell's list: a cluster's heading (its notes follow it), a note, or, last, how
// many notes the cell holds beyond those shown.
export type CellItem =
  | { kind: 'cluster'; cluster: BoardCluster; dots: number; tone: number }
  | { kind: 'note'; note: BoardNote; dots: number; tone: number | undefined }
  | { kind: 'more'; notes: number };

// How many items a cell shows at most (it pages through them): a board of thousands of notes
// would otherwise page for half an hour, and lay out thousands of notes it never shows.
export const maxItemsPerCell = 30;

// How many colours tell clusters apart (see ScreenBoard.css).
export const clusterTones = 6;

// The items of every cell, by `cellKey(column, row)`: in each cell the clusters first (in the
// order they were made; each its heading, then its notes in this cell), then the notes in none,
// oldest first (newest first while the notes are being written: the room follows the latest). A
// cluster whose notes lie in several cells appears in each of them. Hidden notes and notes outside
// the board's lanes are left out. A cell with more than `max` items shows the first ones and how
// many notes are left.
export function cellItems(
  board: Board,
  notes: readonly BoardNote[],
  clusters: readonly BoardCluster[],
  tallies: ReadonlyMap<number, number>,
  max = maxItemsPerCell,
): Map<string, CellItem[]> {
  const newestFirst = board.phase === BoardPhase.WRITE;
  const columns = board.spec?.columns.length ?? 0;
  const rows = rowCount(board);
  const tones = new Map<number, number>();
  const known = new Map<number, BoardCluster>();
  clusters.forEach((c, i) => {
    tones.set(c.id, i % clusterTones);
    known.set(c.id, c);
  });
  // Per cell: the clustered notes by cluster (in cluster order), and the lone notes.
  const clustered = new Map<string, Map<number, BoardNote[]>>();
  const none = new Map<number, BoardNote[]>();
  const lone = new Map<string, BoardNote[]>();
  for (const note of [...notes].sort((a, b) => a.id - b.id)) {
    if (note.hidden || note.column >= columns || note.row >= rows) continue;
    const key = cellKey(note.column, note.row);
    if (known.has(note.clusterId)) {
      let byCluster = clustered.get(key);
      if (!byCluster) {
        byCluster = new Map<number, BoardNote[]>();
        clustered.set(key, byCluster);
      }
      const list = byCluster.get(note.clusterId);
      if (list) list.push(note);
      else byCluster.set(note.clusterId, [note]);
    } else {
      const list = lone.get(key);
      if (list) list.push(note);
      else lone.set(key, [note]);
    }
  }
  const cells = new Map<string, CellItem[]>();
  for (const key of new Set([...clustered.keys(), ...lone.keys()])) {
    const items: CellItem[] = [];
    const byCluster = [...(clustered.get(key) ?? none).entries()].sort((a, b) => a[0] - b[0]);
    for (const [id, members] of byCluster) {
      const tone = tones.get(id) ?? 0;
      let dots = 0;
      for (const n of members) dots += tallies.get(n.id) ?? 0;
      items.push({ kind: 'cluster', cluster: known.get(id)!, dots, tone });
      for (const note of members) items.push({ kind: 'note', note, dots: tallies.get(note.id) ?? 0, tone });
    }
    const alone = lone.get(key) ?? [];
    if (newestFirst) alone.reverse();
    for (const note of alone) items.push({ kind: 'note', note, dots: tallies.get(note.id) ?? 0, tone: undefined });
    if (items.length > max) {
      const left = items.splice(max - 1).filter((i) => i.kind === 'note').length;
      // A cluster's heading with none of its notes after it says nothing.
      if (items[items.length - 1]?.kind === 'cluster') items.pop();
      items.push({ kind: 'more', notes: left });
    }
    cells.set(key, items);
  }
  return cells;
}

export function cellKey(column: number, row: number): string {
  return `${column}:${row}`;
}

// Every link between two shown notes, once (a note lists the notes it links to; either end may
// have made the link), as [smaller id, larger id], in order.
export function linkPairs(notes: readonly BoardNote[]): [number, number][] {
  const shown = new Set<number>();
  for (const n of notes) if (!n.hidden) shown.add(n.id);
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const n of notes) {
    if (n.hidden) continue;
    for (const to of n.linkedNotes) {
      if (to === n.id || !shown.has(to)) continue;
      const pair: [number, number] = n.id < to ? [n.id, to] : [to, n.id];
      const key = `${pair[0]}-${pair[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push(pair);
    }
  }
  return pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

// How many links each note has (either end), from the pairs.
export function linkCounts(pairs: readonly [number, number][]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const [a, b] of pairs) {
    counts.set(a, (counts.get(a) ?? 0) + 1);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  return counts;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

// The segment drawn for a link: from the edge of one box to the edge of the other, along the
// line between their centres, so that it never crosses the notes' text.
export function edgeToEdge(a: Box, b: Box): [x1: number, y1: number, x2: number, y2: number] {
  const ax = a.left + a.width / 2;
  const ay = a.top + a.height / 2;
  const bx = b.left + b.width / 2;
  const by = b.top + b.height / 2;
  const dx = bx - ax;
  const dy = by - ay;
  const exit = (box: Box): number => {
    const tx = dx === 0 ? Infinity : box.width / 2 / Math.abs(dx);
    const ty = dy === 0 ? Infinity : box.height / 2 / Math.abs(dy);
    return Math.min(tx, ty, 0.5);
  };
  const ta = exit(a);
  const tb = exit(b);
  return [ax + dx * ta, ay + dy * ta, bx - dx * tb, by - dy * tb];
}
