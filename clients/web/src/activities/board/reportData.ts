// What the board's report and its spreadsheet read of the workshop's export (GET
// /api/workshops/CODE/export, the protobuf JSON mapping): a pure function of the export. Its own
// file so that it goes with the report's chunk: the report page needs it, not the console's
// code (consoleCsv.ts, the spreadsheet, imports it from here).

import { bool, field, type Json, list, num, parseJsonObject, str } from '../../pages/console/exportFile';

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
