import { create } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { BoardPhase } from '../src/gen/campana/v1/board_enums';
import { BoardNoteSchema, BoardSchema } from '../src/gen/campana/v1/board_pb';
import {
  editBlock,
  groupBlock,
  nameClusterBlock,
  noteMaxLength,
  phaseBlock,
  ungroupBlock,
} from '../src/activities/board/guards';

const board = (phase: BoardPhase) => create(BoardSchema, { board: 1, phase, spec: { columns: [{ title: 'A' }] } });
const note = (id: number, group = 1, clusterId = 0, text = 'hola') =>
  create(BoardNoteSchema, { id, board: 1, group, clusterId, text });

describe('board guards, as board.proto says', () => {
  it('any phase but the current one', () => {
    expect(phaseBlock(undefined, BoardPhase.REVEAL)).toBe('noBoard');
    expect(phaseBlock(board(BoardPhase.WRITE), BoardPhase.WRITE)).toBe('currentPhase');
    expect(phaseBlock(board(BoardPhase.WRITE), BoardPhase.RESULTS)).toBeUndefined();
    expect(phaseBlock(board(BoardPhase.VOTE), BoardPhase.WRITE)).toBeUndefined();
  });

  it('an edit is 1 to 280 characters, counted as the server counts them, and changes something', () => {
    const n = note(1);
    expect(editBlock(n, '   ')).toBe('emptyText');
    expect(editBlock(n, ' hola ')).toBe('unchanged');
    expect(editBlock(n, 'adiós')).toBeUndefined();
    expect(editBlock(n, 'x'.repeat(noteMaxLength))).toBeUndefined();
    expect(editBlock(n, 'x'.repeat(noteMaxLength + 1))).toBe('tooLong');
    // 280 emoji are 560 UTF-16 units but 280 characters.
    expect(editBlock(n, '🌱'.repeat(noteMaxLength))).toBeUndefined();
  });

  it('grouping: in the group phase, two notes of one board not together yet', () => {
    const group = board(BoardPhase.GROUP);
    expect(groupBlock(board(BoardPhase.VOTE), note(1), note(2))).toBe('notGroupPhase');
    expect(groupBlock(group, note(1), note(1))).toBe('sameNote');
    expect(groupBlock(group, note(1, 1), note(2, 2))).toBe('otherBoard');
    expect(groupBlock(group, note(1, 1, 7), note(2, 1, 7))).toBe('together');
    expect(groupBlock(group, note(1, 1, 7), note(2, 1, 8))).toBeUndefined();
    expect(groupBlock(group, note(1), note(2))).toBeUndefined();
    expect(ungroupBlock(group, note(1))).toBe('inNoCluster');
    expect(ungroupBlock(group, note(1, 1, 7))).toBeUndefined();
    expect(ungroupBlock(board(BoardPhase.REVEAL), note(1, 1, 7))).toBe('notGroupPhase');
  });

  it("a cluster's title: up to 80 characters, in the group phase", () => {
    expect(nameClusterBlock(board(BoardPhase.GROUP), 'Empleo')).toBeUndefined();
    expect(nameClusterBlock(board(BoardPhase.GROUP), '')).toBeUndefined();
    expect(nameClusterBlock(board(BoardPhase.GROUP), 'x'.repeat(81))).toBe('titleTooLong');
    expect(nameClusterBlock(board(BoardPhase.RESULTS), 'Empleo')).toBe('notGroupPhase');
  });
});
