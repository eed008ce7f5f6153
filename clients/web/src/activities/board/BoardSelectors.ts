import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { type Board, type BoardCluster, type BoardNote } from '../../gen/campana/v1/board_pb';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { View } from '../../state/view';
import { currentItem } from '../activity';

// What every board view reads from the documents. The server decides who sees what (a private
// note reaches only its author and the facilitators); these only select and count.

// The board of the current agenda item, if it is a board item.
export function currentBoard(view: View): Board | undefined {
  const agenda = view.doc(DocKind.AGENDA);
  if (agenda === undefined || agenda.current < 0) return undefined;
  if (currentItem(view) === undefined) return undefined;
  return view.doc(DocKind.BOARD, BigInt(agenda.current));
}

// The board a participant writes on: their group's, or the room's (group 0).
export function boardGroupOf(board: Board, participantGroup: number): number {
  return board.spec?.oneBoardForRoom ? 0 : participantGroup;
}

export function rowCount(board: Board): number {
  return Math.max(1, board.spec?.rows.length ?? 0);
}

// The notes of one board item, of group `group` (undefined: every group), in id order.
export function notesOf(view: View, board: number, group?: number): BoardNote[] {
  return view
    .docs(DocKind.BOARD_NOTE)
    .filter((n) => n.board === board && (group === undefined || n.group === group))
    .sort((a, b) => a.id - b.id);
}

// The notes of one cell, in id order.
export function notesIn(notes: readonly BoardNote[], column: number, row: number): BoardNote[] {
  return notes.filter((n) => n.column === column && n.row === row);
}

export function clustersOf(view: View, board: number, group?: number): BoardCluster[] {
  return view
    .docs(DocKind.BOARD_CLUSTER)
    .filter((c) => c.board === board && (group === undefined || c.group === group))
    .sort((a, b) => a.id - b.id);
}

// Dots per note id, for the tallies this device may see (none until they are shown to it).
export function talliesOf(view: View, board: number): Map<number, number> {
  const dots = new Map<number, number>();
  for (const t of view.docs(DocKind.BOARD_TALLY)) if (t.board === board) dots.set(t.noteId, t.dots);
  return dots;
}

// The participant's own notes (the only document that says which are theirs) and dots.
export function myNoteIds(view: View, me: number): Set<number> {
  return new Set(view.doc(DocKind.BOARD_MINE, BigInt(me))?.noteIds ?? []);
}

// My dots on each note of board `board`.
export function myDots(view: View, me: number, board: number): Map<number, number> {
  const dots = new Map<number, number>();
  for (const d of view.doc(DocKind.BOARD_MINE, BigInt(me))?.dots ?? []) {
    if (d.board === board) dots.set(d.noteId, d.count);
  }
  return dots;
}

export function dotsLeft(board: Board, mine: ReadonlyMap<number, number>): number {
  let used = 0;
  for (const n of mine.values()) used += n;
  return Math.max(0, (board.spec?.dotBudget ?? 0) - used);
}

// One line of the ranking: a cluster with its notes, or a note alone.
export interface RankedUnit {
  cluster?: BoardCluster;
  notes: BoardNote[];
  dots: number;
  rank: number; // 1 = most dots; equal dots share a rank
}

// Clusters and notes alone, most dots first (ties: the older first). Hidden notes are left out.
export function ranking(
  notes: readonly BoardNote[],
  clusters: readonly BoardCluster[],
  tallies: ReadonlyMap<number, number>,
): RankedUnit[] {
  const units: RankedUnit[] = [];
  const byCluster = new Map<number, RankedUnit>();
  for (const c of clusters) {
    const unit: RankedUnit = { cluster: c, notes: [], dots: 0, rank: 0 };
    byCluster.set(c.id, unit);
    units.push(unit);
  }
  for (const n of notes) {
    if (n.hidden) continue;
    const unit = byCluster.get(n.clusterId) ?? { notes: [], dots: 0, rank: 0 };
    if (unit.notes.length === 0 && unit.cluster === undefined) units.push(unit);
    unit.notes.push(n);
    unit.dots += tallies.get(n.id) ?? 0;
  }
  const ranked = units.filter((u) => u.notes.length > 0).sort((a, b) => b.dots - a.dots || firstId(a) - firstId(b));
  let previous: RankedUnit | undefined;
  ranked.forEach((u, i) => {
    u.rank = previous !== undefined && previous.dots === u.dots ? previous.rank : i + 1;
    previous = u;
  });
  return ranked;
}

function firstId(unit: RankedUnit): number {
  return unit.notes[0]?.id ?? 0;
}

// The phases in order, for steppers and "next" buttons.
export const phases = [
  BoardPhase.WRITE,
  BoardPhase.REVEAL,
  BoardPhase.GROUP,
  BoardPhase.VOTE,
  BoardPhase.RESULTS,
] as const;

export function nextPhase(phase: BoardPhase): BoardPhase | undefined {
  const i = phases.indexOf(phase as (typeof phases)[number]);
  return i >= 0 && i + 1 < phases.length ? phases[i + 1] : undefined;
}
