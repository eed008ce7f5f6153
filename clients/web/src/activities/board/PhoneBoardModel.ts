import type { Board, BoardCluster, BoardLane, BoardNote } from '../../gen/campana/v1/board_pb';

// What the phone's board view works out from the documents, as pure functions (unit-tested in
// test/board-phone.test.ts). Capitalised so that it goes to the board's chunk, not the core.

// The server counts a note's length in code points (up to 280); a text field counts UTF-16
// units, two for an emoji.
export const maxNoteLength = 280;
export const maxClusterTitleLength = 80;

export function codePoints(text: string): number {
  return Array.from(text).length;
}

// A lane chooser is a row of chips when a few short titles fit on a 360 px line or two ("ODS 8"
// to "ODS 16", "Sueño" and "Pesadilla"), a select otherwise (six dimensions, or long titles).
export function chooserKind(lanes: readonly BoardLane[]): 'chips' | 'select' {
  const letters = lanes.reduce((n, l) => n + codePoints(l.title), 0);
  return lanes.length <= 4 && letters <= 32 ? 'chips' : 'select';
}

// The server fills in the defaults; these keep the page right should a board come without.
export function budgetOf(board: Board): number {
  return board.spec?.dotBudget || 5;
}

export function capOf(board: Board): number {
  return board.spec?.dotCap || 3;
}

// One thing to vote on: a cluster with its visible notes, or a note alone.
export interface Unit {
  key: string;
  cluster?: BoardCluster;
  notes: BoardNote[];
}

// In board order: the cells left to right, top to bottom, each note in id order.
export function byCell(a: BoardNote, b: BoardNote): number {
  return a.row - b.row || a.column - b.column || a.id - b.id;
}

// What may be voted on: the clusters that hold a visible note (in id order), then the visible
// notes in no cluster, cell by cell. Hidden notes are left out.
export function unitsOf(notes: readonly BoardNote[], clusters: readonly BoardCluster[]): Unit[] {
  const visible = notes.filter((n) => !n.hidden).sort(byCell);
  const units: Unit[] = [];
  const known = new Set<number>();
  for (const c of clusters) {
    known.add(c.id);
    const inside = visible.filter((n) => n.clusterId === c.id);
    if (inside.length > 0) units.push({ key: `c${c.id}`, cluster: c, notes: inside });
  }
  for (const n of visible) {
    if (n.clusterId === 0 || !known.has(n.clusterId)) units.push({ key: `n${n.id}`, notes: [n] });
  }
  return units;
}

// My dots on a unit: the sum over its notes (the cap counts a cluster as one).
export function dotsOn(unit: Unit, mine: ReadonlyMap<number, number>): number {
  return unit.notes.reduce((sum, n) => sum + (mine.get(n.id) ?? 0), 0);
}

// The note a dot for the unit is cast on: the one I already put dots on, or its first.
export function castTarget(unit: Unit, mine: ReadonlyMap<number, number>): number {
  return (unit.notes.find((n) => (mine.get(n.id) ?? 0) > 0) ?? unit.notes[0])?.id ?? 0;
}

// The note a withdrawn dot comes from: the last of the unit's notes that has one of mine.
export function withdrawTarget(unit: Unit, mine: ReadonlyMap<number, number>): number | undefined {
  return [...unit.notes].reverse().find((n) => (mine.get(n.id) ?? 0) > 0)?.id;
}

// Why one more dot on the unit would be refused: no dots left, or the cap reached on it.
export type DotBlock = 'budget' | 'cap';

export function castBlock(board: Board, unit: Unit, mine: ReadonlyMap<number, number>): DotBlock | undefined {
  let used = 0;
  for (const n of mine.values()) used += n;
  if (used >= budgetOf(board)) return 'budget';
  if (dotsOn(unit, mine) >= capOf(board)) return 'cap';
  return undefined;
}

// The board's cells, row by row, with their lanes (a board without rows has one, untitled).
export interface Cell {
  column: number;
  row: number;
  columnLane: BoardLane | undefined;
  rowLane: BoardLane | undefined;
}

export function cellsOf(board: Board): Cell[][] {
  const columns = board.spec?.columns ?? [];
  const rows = board.spec?.rows ?? [];
  const out: Cell[][] = [];
  for (let row = 0; row < Math.max(1, rows.length); row++) {
    out.push(columns.map((columnLane, column) => ({ column, row, columnLane, rowLane: rows[row] })));
  }
  return out;
}

// Past this many notes a board's cells start folded, each showing its count.
export const foldCellsFrom = 12;

// A note's text cut short, for naming it in a button or a line ("Agrupar con «…»").
export function excerpt(text: string, length = 40): string {
  const chars = [...text.trim()];
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length - 1).join('')}…`;
}
