// The polls' part of the workshop's export (GET /api/workshops/CODE/export, the protobuf JSON
// mapping, read as plain JSON by pages/console/exportFile.ts) as a spreadsheet, one row per answer, and as
// JSON. Pure functions of the export and the words to use, unit-tested in test/poll-csv.test.ts;
// the console fetches and downloads.

import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { jsonPart, localTime } from '../../pages/console/exportFile';

export {
  type ExportedAnswer,
  type ExportedPoll,
  type ExportedPolls,
  type ExportedQuestion,
  parsePollExport,
  tallyKey,
} from './reportData';
import type { ExportedAnswer, ExportedPoll, ExportedPolls, ExportedQuestion } from './reportData';

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
