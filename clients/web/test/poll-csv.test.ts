import { create, toJsonString } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { Agenda_Activity } from '../src/gen/campana/v1/docs_enums';
import { WorkshopExportSchema } from '../src/gen/campana/v1/export_pb';
import { PollQuestionType } from '../src/gen/campana/v1/poll_enums';
import {
  localTime,
  parsePollExport,
  type PollCsvWords,
  pollRows,
  pollsJson,
  tallyKey,
} from '../src/activities/poll/consoleCsv';
import { csvText } from '../src/pages/console/exportFile';

const words: PollCsvWords = {
  headers: {
    poll: 'Encuesta',
    number: 'N.º de pregunta',
    question: 'Pregunta',
    type: 'Tipo',
    participant: 'Participante',
    answer: 'Respuesta',
    why: 'Por qué',
    time: 'Hora',
  },
  anonymous: 'anónimo',
  other: 'Otro',
  quickPoll: (id) => `Encuesta rápida ${id}`,
  typeName: {
    [PollQuestionType.UNSPECIFIED]: 'Pregunta',
    [PollQuestionType.SINGLE]: 'Opción única',
    [PollQuestionType.MULTIPLE]: 'Opción múltiple',
    [PollQuestionType.SCALE]: 'Escala',
    [PollQuestionType.LIKERT]: 'Matriz de acuerdo (Likert)',
    [PollQuestionType.RECOMMEND]: 'Recomendación (0 a 10)',
    [PollQuestionType.OPEN]: 'Texto abierto',
    [PollQuestionType.WORDS]: 'Nube de palabras',
  },
  time: (ms) => new Date(ms).toISOString().replace('T', ' ').slice(0, 19),
};

const at = Date.UTC(2026, 11, 2, 10, 5, 9);

// An export as the server writes it: the protobuf JSON mapping with the .proto's field names.
const serverJson = toJsonString(
  WorkshopExportSchema,
  create(WorkshopExportSchema, {
    exportedAtMs: BigInt(at),
    agenda: {
      items: [
        { title: 'Bienvenida', activity: Agenda_Activity.PRESENTATION },
        { title: 'Encuesta de evaluación', activity: Agenda_Activity.POLL },
      ],
    },
    polls: [
      {
        id: 1,
        agendaIndex: 1,
        open: true,
        spec: {
          selfPaced: true,
          anonymous: true,
          questions: [
            {
              type: PollQuestionType.LIKERT,
              prompt: '¿Qué tan de acuerdo está?',
              options: ['En desacuerdo', 'Neutral', 'De acuerdo'],
              statements: ['Aprendí', 'Lo recomiendo'],
            },
            {
              type: PollQuestionType.RECOMMEND,
              prompt: '¿Recomendaría el taller?',
              whyPrompt: '¿Por qué?',
            },
          ],
        },
        revealed: [false, false],
      },
      {
        id: 2,
        agendaIndex: -1,
        spec: {
          questions: [
            {
              type: PollQuestionType.SINGLE,
              prompt: '¿Qué mentalidad, "la" más urgente, debería fortalecer su institución?',
              options: ['Colaborativa', 'De aprendizaje'],
              allowOther: true,
              whyPrompt: '¿Por qué?',
            },
          ],
        },
        revealed: [true],
      },
      {
        id: 3,
        agendaIndex: -1,
        spec: {
          questions: [
            { type: PollQuestionType.SCALE, prompt: 'Comodidad', scaleMin: 0, scaleMax: 10, scaleStep: 5 },
            { type: PollQuestionType.WORDS, prompt: 'Tres palabras', maxWords: 3 },
            { type: PollQuestionType.MULTIPLE, prompt: 'Herramientas', options: ['Correo', 'Chat', 'Video'] },
            { type: PollQuestionType.OPEN, prompt: '¿Qué cambiaría?' },
          ],
        },
        revealed: [false, false, false, false],
      },
    ],
    pollTallies: [
      { pollId: 2, question: 0, answered: 2, counts: [1, 0, 1] },
      { pollId: 1, question: 1, answered: 1, counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], recommendScore: 100 },
      { pollId: 3, question: 1, answered: 1, words: [{ word: 'innovación', count: 1 }] },
    ],
    pollAnswers: [
      // Anonymous: no participant, no time.
      { pollId: 1, question: 1, value: { number: 10, why: 'Útil, "práctico"' } },
      { pollId: 1, question: 0, value: { choices: [2, 1] } },
      {
        pollId: 2,
        question: 0,
        participantId: 7,
        participantName: 'José Ñúñez',
        value: { choices: [2], text: 'Ágil, y abierta', why: 'Porque sí\nde verdad' },
        atMs: BigInt(at + 1000),
      },
      {
        pollId: 2,
        question: 0,
        participantId: 4,
        participantName: 'Ana',
        value: { choices: [0] },
        atMs: BigInt(at),
      },
      { pollId: 3, question: 0, participantId: 4, participantName: 'Ana', value: { number: 0 }, atMs: BigInt(at) },
      {
        pollId: 3,
        question: 1,
        participantId: 9,
        participantName: '',
        value: { words: ['innovación', 'datos'] },
        atMs: BigInt(at),
      },
      {
        pollId: 3,
        question: 2,
        participantId: 4,
        participantName: 'Ana',
        value: { choices: [0, 2] },
        atMs: BigInt(at),
      },
      {
        pollId: 3,
        question: 3,
        participantId: 4,
        participantName: 'Ana',
        value: { text: 'Más tiempo' },
        atMs: BigInt(at),
      },
    ],
  }),
  { useProtoFieldName: true },
);

describe('the polls as CSV', () => {
  it("reads the server's export: questions, tallies, answers", () => {
    expect(serverJson).toContain('"poll_answers"');
    expect(serverJson).toContain('"POLL_QUESTION_TYPE_LIKERT"');
    const data = parsePollExport(serverJson);
    expect(data.polls.get(1)?.questions.map((q) => q.type)).toEqual([
      PollQuestionType.LIKERT,
      PollQuestionType.RECOMMEND,
    ]);
    expect(data.polls.get(1)?.anonymous).toBe(true);
    expect(data.polls.get(3)?.questions[0]).toMatchObject({ scaleMin: 0, scaleMax: 10, scaleStep: 5 });
    expect(data.tallies.get(tallyKey(1, 1))).toMatchObject({ answered: 1, recommendScore: 100 });
    expect(data.tallies.get(tallyKey(3, 1))?.words).toEqual([{ word: 'innovación', count: 1 }]);
    expect(data.answers.find((a) => a.pollId === 3 && a.question === 0)?.number).toBe(0);
  });

  it('writes one row per answer, by poll and question, each answer in words', () => {
    const rows = pollRows(parsePollExport(serverJson), words);
    expect(rows[0]).toEqual([
      'Encuesta',
      'N.º de pregunta',
      'Pregunta',
      'Tipo',
      'Participante',
      'Respuesta',
      'Por qué',
      'Hora',
    ]);
    expect(rows.slice(1)).toEqual([
      [
        'Encuesta de evaluación',
        '1',
        '¿Qué tan de acuerdo está?',
        'Matriz de acuerdo (Likert)',
        'anónimo',
        'Aprendí: De acuerdo; Lo recomiendo: Neutral',
        '',
        '',
      ],
      [
        'Encuesta de evaluación',
        '2',
        '¿Recomendaría el taller?',
        'Recomendación (0 a 10)',
        'anónimo',
        '10',
        'Útil, "práctico"',
        '',
      ],
      [
        'Encuesta rápida 2',
        '1',
        '¿Qué mentalidad, "la" más urgente, debería fortalecer su institución?',
        'Opción única',
        'Ana',
        'Colaborativa',
        '',
        '2026-12-02 10:05:09',
      ],
      [
        'Encuesta rápida 2',
        '1',
        '¿Qué mentalidad, "la" más urgente, debería fortalecer su institución?',
        'Opción única',
        'José Ñúñez',
        'Otro: Ágil, y abierta',
        'Porque sí\nde verdad',
        '2026-12-02 10:05:10',
      ],
      ['Encuesta rápida 3', '1', 'Comodidad', 'Escala', 'Ana', '0', '', '2026-12-02 10:05:09'],
      [
        'Encuesta rápida 3',
        '2',
        'Tres palabras',
        'Nube de palabras',
        '#9',
        'innovación, datos',
        '',
        '2026-12-02 10:05:09',
      ],
      ['Encuesta rápida 3', '3', 'Herramientas', 'Opción múltiple', 'Ana', 'Correo; Video', '', '2026-12-02 10:05:09'],
      ['Encuesta rápida 3', '4', '¿Qué cambiaría?', 'Texto abierto', 'Ana', 'Más tiempo', '', '2026-12-02 10:05:09'],
    ]);
  });

  it('the file is RFC 4180 with a byte order mark and CRLF: accents, quotes, commas and line breaks survive', () => {
    const text = csvText(pollRows(parsePollExport(serverJson), words));
    expect(
      text.startsWith('\uFEFFEncuesta,N.º de pregunta,Pregunta,Tipo,Participante,Respuesta,Por qué,Hora\r\n'),
    ).toBe(true);
    expect(text).toContain(
      '"¿Qué mentalidad, ""la"" más urgente, debería fortalecer su institución?",Opción única,José Ñúñez,"Otro: Ágil, y abierta","Porque sí\nde verdad",2026-12-02 10:05:10\r\n',
    );
    expect(text).toContain(',anónimo,10,"Útil, ""práctico""",\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    // Nine records; every line break outside a quoted field is a CRLF.
    const outsideQuotes = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes.split('\r\n')).toHaveLength(10);
    expect(outsideQuotes.split('\r\n').every((line) => !line.includes('\n') && !line.includes('\r'))).toBe(true);
    // As UTF-8 bytes: the BOM, then the accents as two-byte sequences.
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('an export without polls is a header alone; lowerCamelCase names and numeric enums are read too', () => {
    expect(pollRows(parsePollExport('{}'), words)).toHaveLength(1);
    const json = JSON.stringify({
      polls: [{ id: 5, agendaIndex: -1, spec: { questions: [{ type: 3, prompt: 'Escala' }] } }],
      pollAnswers: [{ pollId: 5, participantId: 2, participantName: 'Eva', value: { number: 4 }, atMs: String(at) }],
    });
    const rows = pollRows(parsePollExport(json), words);
    expect(rows[1]).toEqual(['Encuesta rápida 5', '1', 'Escala', 'Escala', 'Eva', '4', '', '2026-12-02 10:05:09']);
  });

  it("the polls' JSON keeps the polls and drops the rest", () => {
    const json = JSON.parse(pollsJson(parsePollExport(serverJson))) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(
      ['agenda', 'exported_at_ms', 'poll_answers', 'poll_tallies', 'polls'].sort(),
    );
    expect((json.poll_answers as unknown[]).length).toBe(8);
  });

  it('writes times as spreadsheets read them', () => {
    expect(localTime(new Date(2026, 0, 5, 7, 8, 9).getTime())).toBe('2026-01-05 07:08:09');
  });
});
