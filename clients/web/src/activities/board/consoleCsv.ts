// The boards' part of the workshop's export (GET /api/workshops/CODE/export, the protobuf JSON
// mapping), as a spreadsheet: one row per note. Pure functions of the export and the words to
// use, unit-tested in test/board-csv.test.ts; the console fetches and downloads (pages/console/exportFile.ts,
// which also reads the export as plain JSON and writes the CSV).

import { jsonPart } from '../../pages/console/exportFile';

export { type ExportedBoards, type ExportedNote, parseExport } from './reportData';
import type { ExportedBoards } from './reportData';

export interface CsvWords {
  headers: {
    board: string;
    group: string;
    column: string;
    row: string;
    text: string;
    author: string;
    cluster: string;
    dots: string;
    hidden: string;
    edited: string;
    linkedNotes: string;
    alsoFor: string;
    note: string;
  };
  anonymous: string;
  room: string;
  group: (g: number) => string;
  yes: string;
  no: string;
}

// Every note of every board: the board (its item's title), the group, its cell, its text, its
// author (or anonymous), its cluster, its dots, whether it is hidden or was edited by a
// facilitator, its links. Ordered by board, group, cell, then note.
export function boardRows(data: ExportedBoards, w: CsvWords): string[][] {
  const notes = [...data.notes].sort(
    (a, b) => a.board - b.board || a.group - b.group || a.column - b.column || a.row - b.row || a.id - b.id,
  );
  const h = w.headers;
  const rows = [
    [
      h.board,
      h.group,
      h.column,
      h.row,
      h.text,
      h.author,
      h.cluster,
      h.dots,
      h.hidden,
      h.edited,
      h.linkedNotes,
      h.alsoFor,
      h.note,
    ],
  ];
  for (const n of notes) {
    const lanes = data.boards.get(n.board);
    const columns = lanes?.columns ?? [];
    rows.push([
      data.items[n.board] ?? String(n.board + 1),
      n.group === 0 ? w.room : w.group(n.group),
      columns[n.column] ?? String(n.column + 1),
      lanes?.rows[n.row] ?? '',
      n.text,
      n.anonymous ? w.anonymous : n.authorName, // empty: the author left
      n.clusterId ? (data.clusters.get(n.clusterId) ?? '') : '',
      String(data.dots.get(n.id) ?? 0),
      n.hidden ? w.yes : w.no,
      n.editedByFacilitator ? w.yes : w.no,
      n.linkedNotes.join(' '),
      n.linkedColumns.map((c) => columns[c] ?? String(c + 1)).join('; '),
      String(n.id),
    ]);
  }
  return rows;
}

// The boards' part of the export alone, as JSON, as the server wrote it.
const boardKeys = ['workshop', 'exported_at_ms', 'agenda', 'boards', 'board_notes', 'board_clusters', 'board_tallies'];

export function boardsJson(data: ExportedBoards): string {
  return jsonPart(data.raw, boardKeys);
}
