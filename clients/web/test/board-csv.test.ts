import { create, toJsonString } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { BoardPhase } from '../src/gen/campana/v1/board_enums';
import { Agenda_Activity } from '../src/gen/campana/v1/docs_enums';
import { WorkshopExportSchema } from '../src/gen/campana/v1/export_pb';
import { boardRows, boardsJson, type CsvWords, parseExport } from '../src/activities/board/consoleCsv';
import { csvField, csvText } from '../src/pages/console/exportFile';

const words: CsvWords = {
  headers: {
    board: 'Tablero',
    group: 'Grupo',
    column: 'Columna',
    row: 'Fila',
    text: 'Texto',
    author: 'Autor',
    cluster: 'Grupo de notas',
    dots: 'Puntos',
    hidden: 'Oculta',
    edited: 'Editada',
    linkedNotes: 'Enlazada con',
    alsoFor: 'También para',
    note: 'Nota',
  },
  anonymous: 'Anónimo',
  room: 'Toda la sala',
  group: (g) => `Grupo ${g}`,
  yes: 'sí',
  no: 'no',
};

// An export as the server writes it: the protobuf JSON mapping with the .proto's field names.
const serverJson = toJsonString(
  WorkshopExportSchema,
  create(WorkshopExportSchema, {
    exportedAtMs: 1_700_000_000_000n,
    agenda: {
      items: [
        { title: 'Bienvenida', activity: Agenda_Activity.PRESENTATION },
        { title: 'Mapa ODS', activity: Agenda_Activity.BOARD },
        { title: 'Menos / más', activity: Agenda_Activity.BOARD },
      ],
      current: 1,
    },
    boards: [
      {
        board: 1,
        phase: BoardPhase.RESULTS,
        spec: {
          columns: [{ title: 'ODS 8' }, { title: 'ODS 16' }],
          rows: [{ title: 'Factores habilitantes' }, { title: 'Desafíos' }],
          named: true,
          links: true,
        },
      },
      { board: 2, spec: { columns: [{ title: 'Hacer menos' }, { title: 'Hacer más' }], oneBoardForRoom: true } },
    ],
    boardNotes: [
      { id: 4, board: 2, group: 0, column: 1, text: 'Más "pausas", sí', anonymous: true },
      {
        id: 2,
        board: 1,
        group: 2,
        column: 1,
        row: 1,
        text: 'Una línea\nY otra',
        authorName: 'Ana, la de Cobán',
        hidden: true,
        editedByFacilitator: true,
      },
      {
        id: 1,
        board: 1,
        group: 1,
        text: 'Empleo',
        authorName: 'Luis',
        clusterId: 7,
        linkedNotes: [2],
        linkedColumns: [1],
      },
      { id: 3, board: 1, group: 1, text: 'Sin autor', authorName: '' },
    ],
    boardClusters: [{ id: 7, board: 1, group: 1, title: 'Trabajo' }],
    boardTallies: [
      { noteId: 1, board: 1, group: 1, dots: 5 },
      { noteId: 4, board: 2, dots: 2 },
    ],
  }),
  { useProtoFieldName: true },
);

describe('the boards as CSV', () => {
  it('quotes what RFC 4180 says, and only that', () => {
    expect(csvField('simple')).toBe('simple');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('dijo "hola"')).toBe('"dijo ""hola"""');
    expect(csvField('una\nlínea')).toBe('"una\nlínea"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    expect(csvField('')).toBe('');
  });

  it('starts with a byte order mark and ends each line with CRLF', () => {
    const text = csvText([
      ['a', 'b'],
      ['c,d', 'e'],
    ]);
    expect(text).toBe('\uFEFFa,b\r\n"c,d",e\r\n');
  });

  it("reads the server's export and writes one row per note, by board, group and cell", () => {
    expect(serverJson).toContain('"board_notes"');
    const rows = boardRows(parseExport(serverJson), words);
    expect(rows[0]).toEqual([
      'Tablero',
      'Grupo',
      'Columna',
      'Fila',
      'Texto',
      'Autor',
      'Grupo de notas',
      'Puntos',
      'Oculta',
      'Editada',
      'Enlazada con',
      'También para',
      'Nota',
    ]);
    expect(rows.slice(1).map((r) => r[12])).toEqual(['1', '3', '2', '4']);
    expect(rows[1]).toEqual([
      'Mapa ODS',
      'Grupo 1',
      'ODS 8',
      'Factores habilitantes',
      'Empleo',
      'Luis',
      'Trabajo',
      '5',
      'no',
      'no',
      '2',
      'ODS 16',
      '1',
    ]);
    // A named board's author who left has no name; an anonymous board's notes say so.
    expect(rows[2]![5]).toBe('');
    expect(rows[3]!.slice(0, 10)).toEqual([
      'Mapa ODS',
      'Grupo 2',
      'ODS 16',
      'Desafíos',
      'Una línea\nY otra',
      'Ana, la de Cobán',
      '',
      '0',
      'sí',
      'sí',
    ]);
    expect(rows[4]!.slice(0, 9)).toEqual([
      'Menos / más',
      'Toda la sala',
      'Hacer más',
      '',
      'Más "pausas", sí',
      'Anónimo',
      '',
      '2',
      'no',
    ]);
  });

  it('the file keeps commas, quotes and line breaks inside their fields', () => {
    const text = csvText(boardRows(parseExport(serverJson), words));
    expect(text.startsWith('\uFEFFTablero,Grupo,')).toBe(true);
    expect(text).toContain('"Una línea\nY otra","Ana, la de Cobán",');
    expect(text).toContain(',"Más ""pausas"", sí",Anónimo,');
    // Five records: every line break outside a quoted field is a CRLF.
    expect(text.split('\r\n')).toHaveLength(6);
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes.split('\r\n').every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
  });

  it('an export with no boards is a header alone; lowerCamelCase names are read too', () => {
    expect(boardRows(parseExport('{}'), words)).toHaveLength(1);
    const rows = boardRows(parseExport('{"boardNotes":[{"id":"9","text":"x","authorName":"Eva"}]}'), words);
    expect(rows[1]!.slice(4, 6)).toEqual(['x', 'Eva']);
    expect(rows[1]![12]).toBe('9');
  });

  it("the boards' JSON keeps the boards and drops the rest", () => {
    const json = JSON.parse(boardsJson(parseExport(serverJson))) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['agenda', 'board_clusters', 'board_notes', 'board_tallies', 'boards', 'exported_at_ms'].sort(),
    );
    expect((json.board_notes as unknown[]).length).toBe(4);
  });
});
