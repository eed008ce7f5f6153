// The polls' part of the workshop's export (GET /api/workshops/CODE/export, the protobuf JSON
// mapping, read as plain JSON by pages/console/exportFile.ts) as a spreadsheet, one row per answer, and as
// JSON. Pure functions of the export and the words to use, unit-tested in test/poll-csv.test.ts;
// the console fetches and downloads.

import { PollQuestionType } from '../../gen/campana/v1/poll_pb';
import {
  bool,
  field,
  type Json,
  jsonPart,
  list,
  localTime,
  num,
  parseJsonObject,
  str,
} from '../../pages/console/exportFile';
import type { ChartQuestion, ChartTally } from './screenCharts';

export interface ExportedQuestion extends ChartQuestion {
  whyPrompt: string;
}
export interface ExportedPoll {
  id: number;
  agendaIndex: number; // -1: asked live
  selfPaced: boolean;
  anonymous: boolean;
  questions: ExportedQuestion[];
}
export interface ExportedAnswer {
  pollId: number;
  question: number;
  participantId: number; // 0: anonymous
  participantName: string;
  choices: number[];
  number: number | undefined;
  text: string;
  words: string[];
  why: string;
  atMs: number; // 0: anonymous
}
export interface ExportedPolls {
  raw: Json;
  items: string[]; // the agenda items' titles
  polls: Map<number, ExportedPoll>;
  tallies: Map<string, ChartTally>; // by tallyKey
  answers: ExportedAnswer[];
}

export const tallyKey = (pollId: number, question: number) => `${pollId}:${question}`;

// An enum in the JSON mapping is its value's name ("POLL_QUESTION_TYPE_SCALE"), or a number.
function questionType(o: unknown): PollQuestionType {
  const v = field(o, 'type');
  if (typeof v === 'number') return v as PollQuestionType;
  if (typeof v !== 'string') return PollQuestionType.UNSPECIFIED;
  const name = v.replace(/^POLL_QUESTION_TYPE_/, '') as keyof typeof PollQuestionType;
  return PollQuestionType[name] ?? PollQuestionType.UNSPECIFIED;
}

const strings = (o: unknown, name: string): string[] => list(o, name).map((s) => (typeof s === 'string' ? s : ''));

function question(q: unknown): ExportedQuestion {
  return {
    type: questionType(q),
    prompt: str(q, 'prompt'),
    options: strings(q, 'options'),
    allowOther: bool(q, 'allow_other'),
    scaleMin: num(q, 'scale_min'),
    scaleMax: num(q, 'scale_max'),
    scaleStep: num(q, 'scale_step'),
    minLabel: str(q, 'min_label'),
    maxLabel: str(q, 'max_label'),
    statements: strings(q, 'statements'),
    whyPrompt: str(q, 'why_prompt'),
  };
}

export function parsePollExport(json: string): ExportedPolls {
  const raw = parseJsonObject(json);
  const polls = new Map<number, ExportedPoll>();
  for (const p of list(raw, 'polls')) {
    const spec = field(p, 'spec');
    const id = num(p, 'id');
    polls.set(id, {
      id,
      agendaIndex: num(p, 'agenda_index'),
      selfPaced: bool(spec, 'self_paced'),
      anonymous: bool(spec, 'anonymous'),
      questions: list(spec, 'questions').map(question),
    });
  }
  const tallies = new Map<string, ChartTally>();
  for (const t of list(raw, 'poll_tallies')) {
    tallies.set(tallyKey(num(t, 'poll_id'), num(t, 'question')), {
      answered: num(t, 'answered'),
      counts: list(t, 'counts').map(Number),
      recommendScore: num(t, 'recommend_score'),
      words: list(t, 'words').map((w) => ({ word: str(w, 'word'), count: num(w, 'count') })),
    });
  }
  const answers = list(raw, 'poll_answers').map((a): ExportedAnswer => {
    const value = field(a, 'value');
    const n = field(value, 'number');
    return {
      pollId: num(a, 'poll_id'),
      question: num(a, 'question'),
      participantId: num(a, 'participant_id'),
      participantName: str(a, 'participant_name'),
      choices: list(value, 'choices').map(Number),
      number: typeof n === 'number' ? n : typeof n === 'string' && n !== '' ? Number(n) : undefined,
      text: str(value, 'text'),
      words: strings(value, 'words'),
      why: str(value, 'why'),
      atMs: num(a, 'at_ms'),
    };
  });
  return {
    raw,
    items: list(field(raw, 'agenda'), 'items').map((item) => str(item, 'title')),
    polls,
    tallies,
    answers,
  };
}

// The words of the spreadsheet, in the console's language.
export interface PollCsvWords {
  headers: {
    poll: string;
    number: string;
    question: string;
    type: string;
    participant: string;
    answer: string;
    why: string;
    time: string;
  };
  anonymous: string;
  other: string;
  quickPoll: (id: number) => string;
  typeName: Record<PollQuestionType, string>;
  time: (ms: number) => string;
}

// Shared with the other activities' spreadsheets; kept here for the poll's callers.
export { localTime };

// The poll's name: its agenda item's title, or "Quick poll 3".
export function pollName(data: ExportedPolls, poll: ExportedPoll | undefined, id: number, w: PollCsvWords): string {
  if (poll && poll.agendaIndex >= 0) return data.items[poll.agendaIndex] ?? w.quickPoll(id);
  return w.quickPoll(id);
}

// An answer in words: the options' labels ("Other: its text"), the number, the text, the words;
// a Likert matrix's "statement: level" per statement.
export function answerInWords(q: ExportedQuestion | undefined, a: ExportedAnswer, w: PollCsvWords): string {
  const type = q?.type ?? PollQuestionType.UNSPECIFIED;
  switch (type) {
    case PollQuestionType.SINGLE:
    case PollQuestionType.MULTIPLE:
      return a.choices
        .map((c) => (q && c < q.options.length ? q.options[c]! : a.text ? `${w.other}: ${a.text}` : w.other))
        .join('; ');
    case PollQuestionType.LIKERT:
      return a.choices.map((level, s) => `${q?.statements[s] ?? s + 1}: ${q?.options[level] ?? level + 1}`).join('; ');
    case PollQuestionType.SCALE:
    case PollQuestionType.RECOMMEND:
      return a.number === undefined ? '' : String(a.number);
    case PollQuestionType.WORDS:
      return a.words.join(', ');
    default:
      return a.text || a.words.join(', ') || (a.number === undefined ? a.choices.join(', ') : String(a.number));
  }
}

// Every answer of every poll: the poll, the question's number and words, its type, who answered
// (or "anonymous"), the answer in words, the why, when. By poll, question, then time.
export function pollRows(data: ExportedPolls, w: PollCsvWords): string[][] {
  const h = w.headers;
  const rows = [[h.poll, h.number, h.question, h.type, h.participant, h.answer, h.why, h.time]];
  const answers = [...data.answers].sort((a, b) => a.pollId - b.pollId || a.question - b.question || a.atMs - b.atMs);
  for (const a of answers) {
    const poll = data.polls.get(a.pollId);
    const q = poll?.questions[a.question];
    rows.push([
      pollName(data, poll, a.pollId, w),
      String(a.question + 1),
      q?.prompt ?? '',
      w.typeName[q?.type ?? PollQuestionType.UNSPECIFIED],
      a.participantId === 0 ? w.anonymous : a.participantName || `#${a.participantId}`,
      answerInWords(q, a, w),
      a.why,
      a.atMs > 0 ? w.time(a.atMs) : '',
    ]);
  }
  return rows;
}

// The polls' part of the export alone, as JSON, as the server wrote it.
const pollKeys = ['workshop', 'exported_at_ms', 'agenda', 'polls', 'poll_tallies', 'poll_texts', 'poll_answers'];

export function pollsJson(data: ExportedPolls): string {
  return jsonPart(data.raw, pollKeys);
}
