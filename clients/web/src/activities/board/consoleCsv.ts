import { create, fromJsonString, toJsonString } from '@bufbuild/protobuf';
import { type WorkshopExport, WorkshopExportSchema } from '../../gen/campana/v1/export_pb';

// The boards' part of the workshop's export (GET /api/workshops/CODE/export, the protobuf JSON
// mapping), as a spreadsheet: one row per note. Pure functions of the export and the words to
// use, unit-tested in test/board-csv.test.ts; the console fetches and downloads.

// The export as the server sends it (field names as in the .proto, or in lowerCamelCase).
export function parseExport(json: string): WorkshopExport {
  return fromJsonString(WorkshopExportSchema, json, { ignoreUnknownFields: true });
}

// The words of the spreadsheet, in the console's language.
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

// One field (RFC 4180): quoted when it holds a comma, a quote or a line break, its quotes doubled.
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// The file: a byte order mark (so that spreadsheets read it as UTF-8), lines ending in CRLF.
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

// Every note of every board: the board (its item's title), the group, its cell, its text, its
// author (or anonymous), its cluster, its dots, whether it is hidden or was edited by a
// facilitator, its links. Ordered by board, group, cell, then note.
export function boardRows(data: WorkshopExport, w: CsvWords): string[][] {
  const items = data.agenda?.items ?? [];
  const boards = new Map(data.boards.map((b) => [b.board, b]));
  const clusters = new Map(data.boardClusters.map((c) => [c.id, c]));
  const dots = new Map(data.boardTallies.map((t) => [t.noteId, t.dots]));
  const notes = [...data.boardNotes].sort(
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
    const spec = boards.get(n.board)?.spec;
    const columns = spec?.columns ?? [];
    rows.push([
      items[n.board]?.title ?? String(n.board + 1),
      n.group === 0 ? w.room : w.group(n.group),
      columns[n.column]?.title ?? String(n.column + 1),
      spec?.rows[n.row]?.title ?? '',
      n.text,
      n.anonymous ? w.anonymous : n.authorName, // empty: the author left
      n.clusterId ? (clusters.get(n.clusterId)?.title ?? '') : '',
      String(dots.get(n.id) ?? 0),
      n.hidden ? w.yes : w.no,
      n.editedByFacilitator ? w.yes : w.no,
      n.linkedNotes.join(' '),
      n.linkedColumns.map((c) => columns[c]?.title ?? String(c + 1)).join('; '),
      String(n.id),
    ]);
  }
  return rows;
}

// The boards' part of the export alone, as JSON (the same mapping and field names as the server's).
export function boardsJson(data: WorkshopExport): string {
  const boards = create(WorkshopExportSchema, {
    workshop: data.workshop,
    exportedAtMs: data.exportedAtMs,
    agenda: data.agenda,
    boards: data.boards,
    boardNotes: data.boardNotes,
    boardClusters: data.boardClusters,
    boardTallies: data.boardTallies,
  });
  return toJsonString(WorkshopExportSchema, boards, { prettySpaces: 2, useProtoFieldName: true });
}
