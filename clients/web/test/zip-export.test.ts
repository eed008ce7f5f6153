import { create, toJsonString } from '@bufbuild/protobuf';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { Presence } from '../src/gen/campana/v1/common_enums';
import { Agenda_Activity } from '../src/gen/campana/v1/docs_enums';
import { WorkshopExportSchema } from '../src/gen/campana/v1/export_pb';
import { PollQuestionType } from '../src/gen/campana/v1/poll_enums';
import { Race_Phase } from '../src/gen/campana/v1/race_enums';
import { buildZipFiles, zipBytes, zipLanguage, zipName } from '../src/pages/console/zipFiles';

// The console's zip of the workshop, made as its button makes it (zipFiles.ts), then unzipped.
// The texts' module (i18n.ts) reads the page's language from localStorage and writes it on the
// document when loaded: both are faked before any import.
vi.hoisted(() => {
  vi.stubGlobal('localStorage', { getItem: () => 'es', setItem: () => undefined });
  vi.stubGlobal('document', { documentElement: { lang: 'es' } });
});

const tricky = 'Ñandú, "sí"';
const at = Date.UTC(2026, 11, 2, 10, 5, 9);

// An export as the server writes it: the protobuf JSON mapping with the .proto's field names.
const serverJson = toJsonString(
  WorkshopExportSchema,
  create(WorkshopExportSchema, {
    workshop: { code: 'ABC234', title: 'Taller <de> innovación', language: 'es' },
    exportedAtMs: BigInt(at),
    participants: [
      { id: 11, displayName: 'Ana', presence: Presence.IN_ROOM, group: 1 },
      { id: 12, displayName: 'Beto', presence: Presence.REMOTE, group: 2 },
      { id: 13, displayName: tricky, presence: Presence.IN_ROOM, group: 1 },
    ],
    groups: { kinds: [1, 1], teams: [{ id: 1, name: 'Norte', groups: [1] }] },
    agenda: {
      items: [
        { title: 'Pregunta', activity: Agenda_Activity.QUESTION, prompt: '¿Qué espera?' },
        { title: 'Encuesta', activity: Agenda_Activity.POLL },
        { title: 'Tablero', activity: Agenda_Activity.BOARD },
        { title: 'Carrera', activity: Agenda_Activity.RACE },
        { title: 'Dilemas', activity: Agenda_Activity.CARD_SORT },
        { title: 'Citas', activity: Agenda_Activity.SPEED_DATING },
      ],
    },
    agendaRuns: [{ index: 0, firstStartedMs: BigInt(at - 600_000), spentMs: 300_000n }],
    answers: [
      { id: 1, participantId: 11, agendaIndex: 0, text: tricky, atMs: BigInt(at) },
      // Someone who has left: the export no longer names them.
      { id: 2, participantId: 99, agendaIndex: 0, text: 'Aprender', atMs: BigInt(at + 1000) },
    ],
    polls: [
      {
        id: 1,
        agendaIndex: 1,
        spec: {
          questions: [{ type: PollQuestionType.SINGLE, prompt: '¿Café o té?', options: ['Café', 'Té'] }],
        },
      },
      {
        id: 2,
        agendaIndex: -1,
        spec: { anonymous: true, questions: [{ type: PollQuestionType.OPEN, prompt: '¿Qué cambiaría?' }] },
      },
    ],
    pollTallies: [{ pollId: 1, question: 0, answered: 1, counts: [1, 0] }],
    pollAnswers: [
      { pollId: 1, question: 0, participantId: 12, participantName: 'Beto', value: { choices: [0] }, atMs: BigInt(at) },
      // An anonymous poll's row: no participant, no time.
      { pollId: 2, question: 0, value: { text: 'Nada' } },
    ],
    boards: [{ board: 2, spec: { columns: [{ title: 'Bien' }, { title: 'Mejorar' }] } }],
    boardNotes: [
      { id: 5, board: 2, group: 1, column: 0, text: 'Buen ritmo', authorName: 'Ana' },
      { id: 6, board: 2, group: 1, column: 1, text: 'Más café', anonymous: true },
    ],
    race: {
      agendaIndex: 3,
      phase: Race_Phase.FINISHED,
      teams: [
        {
          teamId: 1,
          name: 'Norte',
          bestMs: 12_340,
          runs: [
            { elapsedMs: 15_000, voided: true },
            { elapsedMs: 12_340, counted: true },
          ],
        },
      ],
      winnerTeamId: 1,
    },
    cardDeck: {
      agendaIndex: 4,
      cards: [
        { id: 701, title: 'Mentir' },
        { id: 702, title: tricky },
      ],
      revealed: true,
    },
    cardGroups: [{ group: 1, order: [702, 701], locked: true }],
    cardResults: { reference: [701, 702], scores: [{ group: 1, exact: 0, score: 0, rank: 1 }] },
    dating: { agendaIndex: 5, round: 1 },
    datingUnits: [
      {
        round: 1,
        unit: 0,
        members: [
          { participantId: 11, displayName: 'Ana' },
          { participantId: 12, displayName: 'Beto' },
        ],
        table: 3,
      },
    ],
    datingNotes: [
      { participantId: 11, round: 1, text: 'Compartida', partnerNames: ['Beto'], shared: true },
      // The server exports shared notes only; the zip checks again.
      { participantId: 12, round: 1, text: 'Privada', partnerNames: ['Ana'], shared: false },
    ],
    participantsSharingNotes: 1,
    asTemplate: {
      title: 'Taller <de> innovación',
      language: 'es',
      items: [
        {
          title: 'Pregunta',
          durationSeconds: 300,
          day: 1,
          activity: { case: 'question', value: { prompt: '¿Qué espera?' } },
        },
      ],
    },
  }),
  { useProtoFieldName: true },
);

// RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas, CRLF
// and doubled quotes.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function unzipped(language: 'es' | 'en' = 'es'): Promise<Record<string, Uint8Array>> {
  return unzipSync(zipBytes(await buildZipFiles(serverJson, language)));
}
const bom = [0xef, 0xbb, 0xbf];
// A CSV file's rows, once its byte order mark is checked and taken off.
function csv(files: Record<string, Uint8Array>, name: string): string[][] {
  const bytes = files[name];
  expect(bytes, name).toBeDefined();
  expect([...bytes!.slice(0, 3)]).toEqual(bom);
  const text = strFromU8(bytes!.slice(3));
  expect(text).not.toMatch(/(^|[^\r])\n/); // every line ends in CRLF
  expect(text.endsWith('\r\n')).toBe(true);
  return parseCsv(text);
}

describe('the console zip', () => {
  it('holds every activity file, the export and the report', async () => {
    const files = await unzipped();
    expect(Object.keys(files).sort()).toEqual([
      'answers.csv',
      'boards.csv',
      'boards.json',
      'cards.csv',
      'charts/poll-1-q1.svg',
      'charts/poll-2-q1.svg',
      'dating-notes.csv',
      'dating.csv',
      'polls.csv',
      'polls.json',
      'race.csv',
      'report.html',
      'template.es.json',
      'workshop.json',
    ]);
    expect(strFromU8(files['workshop.json']!)).toBe(serverJson);
    // The plan as a template file, in the template format (docs/templates.md).
    expect(JSON.parse(strFromU8(files['template.es.json']!))).toEqual({
      title: 'Taller <de> innovación',
      language: 'es',
      items: [{ title: 'Pregunta', duration_seconds: 300, day: 1, question: { prompt: '¿Qué espera?' } }],
    });
    expect(strFromU8(files['charts/poll-1-q1.svg']!)).toMatch(/^<\?xml[^]*<svg[^]*Café/);
    expect(JSON.parse(strFromU8(files['polls.json']!))).toHaveProperty('poll_answers');
  });

  it('writes RFC 4180 CSV that round-trips commas, quotes and accents', async () => {
    const answers = csv(await unzipped(), 'answers.csv');
    expect(answers).toEqual([
      ['Punto de la agenda', 'Pregunta', 'Autor', 'Respuesta', 'Hora'],
      ['Pregunta', '¿Qué espera?', 'Ana', tricky, expect.stringMatching(/^2026-12-0\d \d\d:\d\d:\d\d$/)],
      ['Pregunta', '¿Qué espera?', 'anónimo', 'Aprender', expect.any(String)],
    ]);
  });

  it('names people and cards, never their ids, and says anonymous when there is no name', async () => {
    const files = await unzipped();
    const polls = csv(files, 'polls.csv');
    expect(polls.map((r) => r[4])).toEqual(['Participante', 'Beto', 'anónimo']);
    const boards = csv(files, 'boards.csv');
    expect(boards.slice(1).map((r) => [r[4], r[5]])).toEqual([
      ['Buen ritmo', 'Ana'],
      ['Más café', 'Anónimo'],
    ]);
    expect(csv(files, 'race.csv')).toEqual([
      ['Equipo', 'Intento', 'Tiempo (s)', 'Resultado', 'Mejor tiempo del equipo (s)'],
      ['Norte', '1', '', 'nulo (cayó la pelota)', '12.34'],
      ['Norte', '2', '12.34', 'válido', '12.34'],
    ]);
    expect(csv(files, 'cards.csv').slice(1)).toEqual([
      ['Grupo 1', '1', tricky, '2', '0', '1'],
      ['Grupo 1', '2', 'Mentir', '1', '0', '1'],
    ]);
    expect(csv(files, 'dating.csv').slice(1)).toEqual([['1', '1', 'Ana', 'Beto', '', 'Mesa 3']]);
    expect(csv(files, 'dating-notes.csv').slice(1)).toEqual([['1', 'Ana', 'Beto', 'Compartida', '']]);
  });

  it('writes a self-contained report without the authors of answers or notes', async () => {
    const html = strFromU8((await unzipped())['report.html']!);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<h1>Taller &lt;de&gt; innovación</h1>');
    expect(html).toContain('<td>Ñandú, &quot;sí&quot;</td>');
    expect(html).toContain('<style>');
    expect(html).toMatch(/<div class="report-chart"><svg/);
    expect(html).not.toMatch(/<\?xml|\b(src|href)=|@import|url\(/); // nothing fetched
    expect(html).toContain('<td>Compartida</td>');
    expect(html).not.toContain('Privada');
    // The answers' and the notes' tables have no author column.
    expect(html).not.toContain('<th>Autor</th>');
  });

  it('writes in English for an English workshop', async () => {
    const files = unzipSync(zipBytes(await buildZipFiles(serverJson, 'en')));
    expect(csv(files, 'answers.csv')[2]).toEqual([
      'Pregunta',
      '¿Qué espera?',
      'anonymous',
      'Aprender',
      expect.any(String),
    ]);
    expect(csv(files, 'race.csv')[0]![0]).toBe('Team');
    expect(strFromU8(files['report.html']!)).toContain('<h2>Attendance</h2>');
  });

  it('takes the workshop language and names the zip by code and day', () => {
    expect(zipLanguage(serverJson, 'en')).toBe('es');
    expect(zipLanguage('{"workshop":{"language":"fr"}}', 'en')).toBe('en');
    expect(zipName('ABC234', serverJson)).toMatch(/^campana-ABC234-2026-12-0[23]\.zip$/);
  });

  it('an empty workshop has only the export and the report', async () => {
    const files = await buildZipFiles('{}', 'es');
    expect(files.map((f) => f.name)).toEqual(['workshop.json', 'report.html']);
  });
});
