import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { BoardPhase } from '../src/gen/campana/v1/board_enums';
import { BoardClusterSchema, BoardNoteSchema, BoardSchema, type BoardSpecSchema } from '../src/gen/campana/v1/board_pb';
import {
  cellItems,
  cellKey,
  dotsShown,
  edgeToEdge,
  linkCounts,
  linkPairs,
  notesShown,
  projectionOf,
} from '../src/activities/board/screenLayout';

const lanes = (...titles: string[]) => titles.map((title) => ({ title }));
const board = (init: {
  phase?: BoardPhase;
  projectedGroup?: number;
  spec?: MessageInitShape<typeof BoardSpecSchema>;
}) =>
  create(BoardSchema, {
    board: 2,
    phase: init.phase ?? BoardPhase.WRITE,
    projectedGroup: init.projectedGroup ?? 0,
    spec: { columns: lanes('ODS 8', 'ODS 9'), rows: lanes('Factores', 'Desafíos'), ...init.spec },
  });
interface NoteInit {
  column?: number;
  row?: number;
  clusterId?: number;
  hidden?: boolean;
  linkedNotes?: number[];
}
const note = (id: number, init: NoteInit = {}) =>
  create(BoardNoteSchema, { id, board: 2, group: 1, text: `nota ${id}`, ...init });
const cluster = (id: number, title = '') => create(BoardClusterSchema, { id, board: 2, group: 1, title });

describe("the projector's board", () => {
  it('shows the projected group, the room, or every group', () => {
    expect(projectionOf(board({ projectedGroup: 3 }))).toEqual({ group: 3, overview: false });
    expect(projectionOf(board({ projectedGroup: 0 }))).toEqual({ group: 0, overview: true });
    expect(projectionOf(board({ projectedGroup: 3, spec: { oneBoardForRoom: true } }))).toEqual({
      group: 0,
      overview: false,
    });
  });

  it('shows no note while the notes are private, and dots only when they are public', () => {
    expect(notesShown(board({ phase: BoardPhase.WRITE }))).toBe(false);
    expect(notesShown(board({ phase: BoardPhase.WRITE, spec: { notesLive: true } }))).toBe(true);
    expect(notesShown(board({ phase: BoardPhase.REVEAL }))).toBe(true);
    expect(dotsShown(board({ phase: BoardPhase.VOTE }))).toBe(false);
    expect(dotsShown(board({ phase: BoardPhase.VOTE, spec: { talliesLive: true } }))).toBe(true);
    expect(dotsShown(board({ phase: BoardPhase.RESULTS }))).toBe(true);
    expect(dotsShown(board({ phase: BoardPhase.GROUP, spec: { talliesLive: true } }))).toBe(false);
  });

  it('puts each cell in order: its clusters with their notes, then the notes in none', () => {
    const b = board({ phase: BoardPhase.GROUP });
    const notes = [
      note(5, { column: 1, row: 1 }),
      note(1, { column: 1, row: 1, clusterId: 20 }),
      note(2, { column: 1, row: 1 }),
      note(3, { column: 1, row: 1, clusterId: 10 }),
      note(4, { column: 0, row: 0, clusterId: 10 }),
      note(6, { column: 1, row: 1, hidden: true }),
      note(7, { column: 2, row: 0 }), // outside the lanes
      note(8, { column: 0, row: 2 }),
    ];
    const tallies = new Map([
      [1, 2],
      [3, 1],
      [4, 4],
      [5, 3],
    ]);
    const cells = cellItems(b, notes, [cluster(10, 'Empleo'), cluster(20)], tallies);
    expect([...cells.keys()].sort()).toEqual([cellKey(0, 0), cellKey(1, 1)]);
    const summary = (key: string) =>
      cells
        .get(key)!
        .map((i) =>
          i.kind === 'cluster' ? `k${i.cluster.id}:${i.dots}` : i.kind === 'note' ? `n${i.note.id}:${i.dots}` : 'more',
        );
    expect(summary(cellKey(1, 1))).toEqual(['k10:1', 'n3:1', 'k20:2', 'n1:2', 'n2:0', 'n5:3']);
    expect(summary(cellKey(0, 0))).toEqual(['k10:4', 'n4:4']);
    // A cluster keeps its colour in every cell; a note in none has none.
    const tones = cells.get(cellKey(1, 1))!.map((i) => (i.kind === 'more' ? 'more' : i.tone));
    expect(tones).toEqual([0, 0, 1, 1, undefined, undefined]);
    expect(cells.get(cellKey(0, 0))![0]).toMatchObject({ kind: 'cluster', tone: 0 });
  });

  it('while the notes are written, the newest first', () => {
    const b = board({ phase: BoardPhase.WRITE, spec: { notesLive: true } });
    const cells = cellItems(b, [note(1), note(3), note(2)], [], new Map());
    expect(cells.get(cellKey(0, 0))!.map((i) => (i.kind === 'note' ? i.note.id : 0))).toEqual([3, 2, 1]);
  });

  it('a full cell shows its first items and how many notes are left', () => {
    const b = board({ phase: BoardPhase.GROUP });
    const notes = Array.from({ length: 10 }, (_, i) => note(i + 1, { clusterId: i < 3 ? 10 : i === 9 ? 20 : 0 }));
    const cells = cellItems(b, notes, [cluster(10), cluster(20)], new Map(), 6);
    const items = cells.get(cellKey(0, 0))!;
    // k10 n1 n2 n3 k20 | n10 n4... : the heading of 20 would end the page alone, so it goes too.
    expect(items.map((i) => i.kind)).toEqual(['cluster', 'note', 'note', 'note', 'more']);
    expect(items[4]).toEqual({ kind: 'more', notes: 7 });
    expect(cellItems(b, notes, [cluster(10), cluster(20)], new Map(), 12).get(cellKey(0, 0))).toHaveLength(12);
  });

  it('a board with no rows has one', () => {
    const b = board({ spec: { rows: [] } });
    const cells = cellItems(b, [note(1, { column: 1 }), note(2, { column: 1, row: 1 })], [], new Map());
    expect([...cells.keys()]).toEqual([cellKey(1, 0)]);
  });

  it('a note whose cluster is unknown is alone', () => {
    const cells = cellItems(board({}), [note(1, { clusterId: 99 })], [], new Map());
    expect(cells.get(cellKey(0, 0))!.map((i) => i.kind)).toEqual(['note']);
  });

  it('draws each link between shown notes once, whichever end made it', () => {
    const notes = [
      note(1, { linkedNotes: [2, 3] }),
      note(2, { linkedNotes: [1] }),
      note(3, { hidden: true, linkedNotes: [1] }),
      note(4, { linkedNotes: [1, 4, 9] }),
    ];
    const pairs = linkPairs(notes);
    expect(pairs).toEqual([
      [1, 2],
      [1, 4],
    ]);
    expect([...linkCounts(pairs)].sort()).toEqual([
      [1, 2],
      [2, 1],
      [4, 1],
    ]);
  });

  it('a link runs from edge to edge', () => {
    // Side by side: from the right edge of one to the left edge of the other.
    expect(
      edgeToEdge({ left: 0, top: 0, width: 100, height: 50 }, { left: 200, top: 0, width: 100, height: 50 }),
    ).toEqual([100, 25, 200, 25]);
    // One above the other.
    expect(
      edgeToEdge({ left: 0, top: 0, width: 100, height: 40 }, { left: 0, top: 100, width: 100, height: 40 }),
    ).toEqual([50, 40, 50, 100]);
    // Overlapping boxes meet in the middle rather than cross.
    const [x1, , x2] = edgeToEdge(
      { left: 0, top: 0, width: 100, height: 40 },
      { left: 10, top: 0, width: 100, height: 40 },
    );
    expect(x1).toBeLessThanOrEqual(x2);
  });
});
