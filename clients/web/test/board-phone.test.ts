import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import {
  BoardClusterSchema,
  BoardLaneSchema,
  type BoardNote,
  BoardNoteSchema,
  BoardSchema,
  type BoardSpecSchema,
} from '../src/gen/campana/v1/board_pb';
import { ranking } from '../src/activities/board/BoardSelectors';
import {
  castBlock,
  castTarget,
  cellsOf,
  chooserKind,
  codePoints,
  dotsOn,
  excerpt,
  unitsOf,
  withdrawTarget,
} from '../src/activities/board/PhoneBoardModel';

const note = (
  id: number,
  init: { column?: number; row?: number; clusterId?: number; hidden?: boolean } = {},
): BoardNote => create(BoardNoteSchema, { id, board: 2, group: 1, text: `nota ${id}`, ...init });
const cluster = (id: number, title = '') => create(BoardClusterSchema, { id, board: 2, group: 1, title });
const board = (spec: MessageInitShape<typeof BoardSpecSchema> = {}) =>
  create(BoardSchema, { board: 2, spec: { dotBudget: 5, dotCap: 3, ...spec } });
const lane = (title: string) => create(BoardLaneSchema, { title });

// The ranking in one line: "rank:dots:ids" per unit, best first.
const describeRanking = (units: ReturnType<typeof ranking>) =>
  units.map((u) => `${u.rank}:${u.dots}:${u.cluster ? `c${u.cluster.id}` : ''}[${u.notes.map((n) => n.id).join(',')}]`);

describe('ranking', () => {
  it('sums a cluster over its notes and puts it among the notes alone, most dots first', () => {
    const notes = [note(1, { clusterId: 7 }), note(2), note(3, { clusterId: 7 }), note(4)];
    const tallies = new Map([
      [1, 2],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    expect(describeRanking(ranking(notes, [cluster(7)], tallies))).toEqual(['1:4:c7[1,3]', '2:3:[2]', '3:1:[4]']);
  });

  it('gives equal dots the same rank, the older first, and the next rank skips', () => {
    const notes = [note(1), note(2), note(3), note(4)];
    const tallies = new Map([
      [1, 1],
      [2, 3],
      [3, 3],
      [4, 0],
    ]);
    expect(describeRanking(ranking(notes, [], tallies))).toEqual(['1:3:[2]', '1:3:[3]', '3:1:[1]', '4:0:[4]']);
  });

  it('leaves hidden notes out, and a cluster left with only hidden notes', () => {
    const notes = [note(1, { hidden: true }), note(2, { clusterId: 5, hidden: true }), note(3)];
    const tallies = new Map([
      [1, 9],
      [2, 9],
      [3, 1],
    ]);
    expect(describeRanking(ranking(notes, [cluster(5)], tallies))).toEqual(['1:1:[3]']);
  });
});

describe('the phone: units to vote on', () => {
  it('lists the clusters with a visible note, then the notes alone, cell by cell, hidden ones left out', () => {
    const notes = [
      note(4, { column: 1, row: 0 }),
      note(1, { column: 0, row: 1, clusterId: 9 }),
      note(2, { column: 0, row: 0 }),
      note(3, { column: 0, row: 0, hidden: true }),
      note(5, { clusterId: 8, hidden: true }),
      // A cluster this phone has no document for (not yet arrived): the note stands alone.
      note(6, { column: 1, row: 1, clusterId: 10 }),
    ];
    const units = unitsOf(notes, [cluster(8), cluster(9)]);
    expect(units.map((u) => `${u.key}[${u.notes.map((n) => n.id).join(',')}]`)).toEqual([
      'c9[1]',
      'n2[2]',
      'n4[4]',
      'n6[6]',
    ]);
  });

  it('counts my dots on a cluster over its notes, and casts and withdraws where they are', () => {
    const [unit] = unitsOf([note(1, { clusterId: 3 }), note(2, { clusterId: 3 })], [cluster(3)]);
    if (!unit) throw new Error('no unit');
    expect(castTarget(unit, new Map())).toBe(1);
    expect(withdrawTarget(unit, new Map())).toBeUndefined();
    const mine = new Map([[2, 2]]);
    expect(dotsOn(unit, mine)).toBe(2);
    expect(castTarget(unit, mine)).toBe(2);
    expect(withdrawTarget(unit, mine)).toBe(2);
    expect(withdrawTarget(unit, new Map([[1, 1]]))).toBe(1);
  });

  it('refuses a dot past the cap on a unit, and past the budget anywhere', () => {
    const b = board({ dotBudget: 5, dotCap: 3 });
    const units = unitsOf([note(1, { clusterId: 3 }), note(2, { clusterId: 3 }), note(4)], [cluster(3)]);
    const [grouped, alone] = units;
    if (!grouped || !alone) throw new Error('two units expected');
    expect(castBlock(b, grouped, new Map([[1, 2]]))).toBeUndefined();
    // The cap counts the cluster as one: 2 on one note and 1 on the other is 3.
    const capped = new Map([
      [1, 2],
      [2, 1],
    ]);
    expect(castBlock(b, grouped, capped)).toBe('cap');
    expect(castBlock(b, alone, capped)).toBeUndefined();
    const spent = new Map([
      [1, 2],
      [2, 1],
      [4, 2],
    ]);
    expect(castBlock(b, alone, spent)).toBe('budget');
    // A board without its numbers (the server fills them in) counts on the defaults, 5 and 3.
    expect(castBlock(board({ dotBudget: 0, dotCap: 0 }), alone, new Map([[4, 3]]))).toBe('cap');
  });
});

describe('the phone: writing', () => {
  it('counts a note as the server does, in code points', () => {
    expect(codePoints('ñandú')).toBe(5);
    expect(codePoints('👍🏽')).toBe(2);
    expect('👍🏽'.length).toBe(4);
  });

  it('offers chips for a few short lanes, a select for many or long ones', () => {
    expect(chooserKind([lane('Hacer menos'), lane('Hacer más')])).toBe('chips');
    expect(chooserKind([lane('Sueño'), lane('Pesadilla')])).toBe('chips');
    expect(chooserKind(['ODS 8', 'ODS 9', 'ODS 10', 'ODS 16'].map(lane))).toBe('chips');
    expect(chooserKind([lane('Factores habilitantes'), lane('Desafíos')])).toBe('chips');
    expect(chooserKind(['1', '2', '3', '4', '5'].map(lane))).toBe('select');
    expect(chooserKind([lane('ODS 8: Trabajo decente y crecimiento económico'), lane('ODS 9')])).toBe('select');
  });

  it('lays the cells out row by row, one row for a board without rows', () => {
    const grid = cellsOf(board({ columns: [lane('A'), lane('B')], rows: [lane('Sueño'), lane('Pesadilla')] }));
    expect(grid.map((row) => row.map((c) => `${c.columnLane?.title}/${c.rowLane?.title}`))).toEqual([
      ['A/Sueño', 'B/Sueño'],
      ['A/Pesadilla', 'B/Pesadilla'],
    ]);
    const flat = cellsOf(board({ columns: [lane('Menos'), lane('Más')] }));
    expect(flat.map((row) => row.map((c) => `${c.column},${c.row},${c.rowLane?.title ?? '-'}`))).toEqual([
      ['0,0,-', '1,0,-'],
    ]);
  });

  it('cuts a long note short for a button, by characters', () => {
    expect(excerpt('  corta  ')).toBe('corta');
    expect(excerpt('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(excerpt('😀'.repeat(12), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});
