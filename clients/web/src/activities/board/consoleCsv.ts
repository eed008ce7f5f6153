// The boards' part of the workshop's export (GET /api/workshops/CODE/export, the protobuf JSON
// mapping), as a spreadsheet: one row per note. Pure functions of the export and the words to
// use, unit-tested in test/board-csv.test.ts; the console fetches and downloads (pages/console/exportFile.ts,
// which also reads the export as plain JSON and writes the CSV).

import { bool, field, type Json, jsonPart, list, num, parseJsonObject, str } from '../../pages/console/exportFile';

// What the spreadsheet reads of the export; absent fields (the mapping leaves defaults out) are
// their defaults.
export interface ExportedNote {
  id: number;
  board: number;
  group: number;
  column: number;
  row: number;
  text: string;
  authorName: string;
  anonymous: boolean;
  hidden: boolean;
  editedByFacilitator: boolean;
  clusterId: number;
  linkedNotes: number[];
  linkedColumns: number[];
}
export interface ExportedBoards {
  raw: Json;
  items: string[]; // the agenda items' titles
  boards: Map<number, { columns: string[]; rows: string[] }>;
  notes: ExportedNote[];
  clusters: Map<number, string>; // titles by cluster id
  dots: Map<number, number>; // by note id
}

const titles = (o: unknown, name: string): string[] => list(o, name).map((lane) => str(lane, 'title'));

export function parseExport(json: string): ExportedBoards {
  const raw: Json = parseJsonObject(json);
  const boards = new Map<number, { columns: string[]; rows: string[] }>();
  for (const b of list(raw, 'boards')) {
    const spec = field(b, 'spec');
    boards.set(num(b, 'board'), { columns: titles(spec, 'columns'), rows: titles(spec, 'rows') });
  }
  return {
    raw,
    items: titles(field(raw, 'agenda'), 'items'),
    boards,
    notes: list(raw, 'board_notes').map((n) => ({
      id: num(n, 'id'),
      board: num(n, 'board'),
      group: num(n, 'group'),
      column: num(n, 'column'),
      row: num(n, 'row'),
      text: str(n, 'text'),
      authorName: str(n, 'author_name'),
      anonymous: bool(n, 'anonymous'),
      hidden: bool(n, 'hidden'),
      editedByFacilitator: bool(n, 'edited_by_facilitator'),
      clusterId: num(n, 'cluster_id'),
      linkedNotes: list(n, 'linked_notes').map(Number),
      linkedColumns: list(n, 'linked_columns').map(Number),
    })),
    clusters: new Map(list(raw, 'board_clusters').map((c) => [num(c, 'id'), str(c, 'title')])),
    dots: new Map(list(raw, 'board_tallies').map((t) => [num(t, 'note_id'), num(t, 'dots')])),
  };
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
