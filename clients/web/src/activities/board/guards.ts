import { BoardPhase } from '../../gen/campana/v1/board_enums';
import { type Board, type BoardNote } from '../../gen/campana/v1/board_pb';
import { cleanText } from '../../ui/text';

// Why the server would refuse a facilitator's board command now (board.proto says who may send
// each, and when; server/domain/activities/board), or undefined when it would take it.
export type BoardBlock =
  | 'noBoard'
  | 'currentPhase'
  | 'emptyText'
  | 'tooLong'
  | 'unchanged'
  | 'notGroupPhase'
  | 'sameNote'
  | 'otherBoard'
  | 'together'
  | 'inNoCluster'
  | 'titleTooLong';

// A note is 1 to 280 characters (code points, as the server counts them); a cluster's title up
// to 80.
export const noteMaxLength = 280;
export const clusterTitleMaxLength = 80;

function length(text: string): number {
  return [...text].length;
}

// Any phase, either way, but not the one it is in.
export function phaseBlock(board: Board | undefined, phase: BoardPhase): BoardBlock | undefined {
  if (!board) return 'noBoard';
  if (board.phase === phase) return 'currentPhase';
  return undefined;
}

// A facilitator edits any note at any time (moderation: the author is told).
export function editBlock(note: BoardNote, text: string): BoardBlock | undefined {
  const clean = cleanText(text);
  if (clean === '') return 'emptyText';
  if (length(clean) > noteMaxLength) return 'tooLong';
  if (clean === note.text) return 'unchanged';
  return undefined;
}

// Grouping is for the group phase: note `note` into the cluster of `into` (a new cluster if that
// one is in none), both of the same board.
export function groupBlock(board: Board, note: BoardNote, into: BoardNote): BoardBlock | undefined {
  if (board.phase !== BoardPhase.GROUP) return 'notGroupPhase';
  if (note.id === into.id) return 'sameNote';
  if (note.board !== into.board || note.group !== into.group) return 'otherBoard';
  if (note.clusterId !== 0 && note.clusterId === into.clusterId) return 'together';
  return undefined;
}

export function ungroupBlock(board: Board, note: BoardNote): BoardBlock | undefined {
  if (board.phase !== BoardPhase.GROUP) return 'notGroupPhase';
  if (note.clusterId === 0) return 'inNoCluster';
  return undefined;
}

export function nameClusterBlock(board: Board, title: string): BoardBlock | undefined {
  if (board.phase !== BoardPhase.GROUP) return 'notGroupPhase';
  if (length(cleanText(title)) > clusterTitleMaxLength) return 'titleTooLong';
  return undefined;
}
