// What the polls' report, charts and spreadsheet read of the workshop's export (GET
// /api/workshops/CODE/export, the protobuf JSON mapping, read as plain JSON): pure functions of
// the export. Their own file so that they go with the report's chunk: the report page needs
// them, not the console's code (consoleCsv.ts, the spreadsheet, imports them from here).

import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { bool, field, type Json, list, num, parseJsonObject, str } from '../../pages/console/exportFile';
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
