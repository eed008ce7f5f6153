import type { MessageInitShape } from '@bufbuild/protobuf';
import type { Command } from '../../gen/campana/v1/commands_pb';
import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import {
  type PollAnswerValue,
  type PollAnswerValueSchema,
  type PollMine,
  type PollQuestionSpec,
  type PollTally,
} from '../../gen/campana/v1/poll_pb';
import { cleanText } from '../../ui/text';

// What the poll's phone view decides without a page: the points of a scale and how they wrap,
// a half-made answer (a draft) and what is wrong with it, the answer sent for it, the question a
// survey resumes at, and the bars of a result. Mirrors the server's checks (poll.cc CheckAnswer),
// so that a phone says what is missing before sending rather than after a refusal. Capitalised so
// that the bundle keeps it in the poll's chunk.

export type AnswerInit = MessageInitShape<typeof PollAnswerValueSchema>;

// The server's limits, in code points (poll.proto).
export const maxOtherLength = 120;
export const maxOpenLength = 1000;
export const maxWhyLength = 500;
export const maxWordLength = 30;

// An answer being made: every field any type may use; `answerOf` keeps the ones the type takes.
export interface Draft {
  choices: number[]; // SINGLE, MULTIPLE: option indexes (options.length is "other"); LIKERT: level per statement, -1 unset
  number: number | undefined;
  text: string; // OPEN, or "other"'s text
  words: string[];
  why: string;
}

export type Problem =
  'choose' | 'tooMany' | 'otherText' | 'number' | 'likert' | 'text' | 'words' | 'wordTwice' | 'tooLong'; // a text over its limit (the why, "other", an open answer, a word)

export function codePoints(text: string): number {
  return [...text].length;
}

const isChoice = (q: PollQuestionSpec) => q.type === PollQuestionType.SINGLE || q.type === PollQuestionType.MULTIPLE;

export function takesWhy(q: PollQuestionSpec): boolean {
  return (
    q.whyPrompt !== '' && (isChoice(q) || q.type === PollQuestionType.SCALE || q.type === PollQuestionType.RECOMMEND)
  );
}

// The values a scale offers, lowest first (the server fills in 1..5 by 1; this does too).
export function scalePoints(q: PollQuestionSpec): number[] {
  if (q.type === PollQuestionType.RECOMMEND) return Array.from({ length: 11 }, (_, i) => i);
  let min = q.scaleMin;
  let max = q.scaleMax;
  if (min === 0 && max === 0) [min, max] = [1, 5];
  const step = Math.max(1, q.scaleStep);
  const points: number[] = [];
  for (let n = min; n <= max && points.length < 21; n += step) points.push(n);
  return points;
}

// How many buttons a row of a scale holds at 360 px (about 44 px each): up to 7 in one row;
// more are spread evenly over as few rows of at most 7 as they need (11 points: 6 + 5; 21: 3 x 7).
export function scaleColumns(points: number): number {
  if (points <= 7) return Math.max(1, points);
  return Math.ceil(points / Math.ceil(points / 7));
}

// The option slots of a choice question: its options, then "other" if allowed.
export function slotsOf(q: PollQuestionSpec): number {
  return q.options.length + (q.allowOther ? 1 : 0);
}

// At most this many choices (1 for a single choice; MULTIPLE's 0 means every option).
export function maxChoicesOf(q: PollQuestionSpec): number {
  if (q.type !== PollQuestionType.MULTIPLE) return 1;
  const slots = slotsOf(q);
  return q.maxChoices === 0 ? slots : Math.min(q.maxChoices, slots);
}

export function maxWordsOf(q: PollQuestionSpec): number {
  return q.maxWords === 0 ? 3 : q.maxWords;
}

export function isOther(q: PollQuestionSpec, choice: number): boolean {
  return isChoice(q) && q.allowOther && choice === q.options.length;
}

// A draft to start from: the answer given before (to change it), or an empty one.
export function draftOf(q: PollQuestionSpec, value?: PollAnswerValue): Draft {
  const likert = q.type === PollQuestionType.LIKERT;
  const choices = likert ? q.statements.map((_, i) => value?.choices[i] ?? -1) : [...(value?.choices ?? [])];
  const words =
    q.type === PollQuestionType.WORDS ? Array.from({ length: maxWordsOf(q) }, (_, i) => value?.words[i] ?? '') : [];
  return { choices, number: value?.number, text: value?.text ?? '', words, why: value?.why ?? '' };
}

// Ticks or unticks a choice: a single choice replaces, a multiple one toggles and never goes
// over the maximum (the box is off then too; this is the last word).
export function toggleChoice(q: PollQuestionSpec, draft: Draft, choice: number): Draft {
  if (q.type !== PollQuestionType.MULTIPLE) return { ...draft, choices: [choice] };
  if (draft.choices.includes(choice)) return { ...draft, choices: draft.choices.filter((c) => c !== choice) };
  if (draft.choices.length >= maxChoicesOf(q)) return draft;
  return { ...draft, choices: [...draft.choices, choice].sort((a, b) => a - b) };
}

export function setLevel(draft: Draft, statement: number, level: number): Draft {
  const choices = [...draft.choices];
  choices[statement] = level;
  return { ...draft, choices };
}

function cleanWords(draft: Draft): string[] {
  return draft.words.map(cleanText).filter((w) => w !== '');
}

// What keeps the draft from being sent, if anything (the server's rules, first broken first).
export function answerProblem(q: PollQuestionSpec, draft: Draft): Problem | undefined {
  if (takesWhy(q) && codePoints(cleanText(draft.why)) > maxWhyLength) return 'tooLong';
  switch (q.type) {
    case PollQuestionType.SINGLE:
    case PollQuestionType.MULTIPLE: {
      if (draft.choices.length === 0) return 'choose';
      if (draft.choices.length > maxChoicesOf(q)) return 'tooMany';
      if (draft.choices.some((c) => isOther(q, c))) {
        const text = cleanText(draft.text);
        if (text === '') return 'otherText';
        if (codePoints(text) > maxOtherLength) return 'tooLong';
      }
      return undefined;
    }
    case PollQuestionType.LIKERT:
      return draft.choices.length !== q.statements.length || draft.choices.some((c) => c < 0) ? 'likert' : undefined;
    case PollQuestionType.SCALE:
    case PollQuestionType.RECOMMEND:
      return draft.number === undefined || !scalePoints(q).includes(draft.number) ? 'number' : undefined;
    case PollQuestionType.OPEN: {
      const text = cleanText(draft.text);
      if (text === '') return 'text';
      return codePoints(text) > maxOpenLength ? 'tooLong' : undefined;
    }
    case PollQuestionType.WORDS: {
      const words = cleanWords(draft);
      if (words.length === 0) return 'words';
      if (words.some((w) => codePoints(w) > maxWordLength)) return 'tooLong';
      const seen = new Set(words.map((w) => w.replace(/\s+/g, ' ').toLocaleLowerCase()));
      return seen.size < words.length ? 'wordTwice' : undefined;
    }
    default:
      return 'choose';
  }
}

// The answer as the server takes it: only the fields the type uses, texts cleaned, the why only
// when asked for and written, "other"'s text only when "other" is chosen.
export function answerOf(q: PollQuestionSpec, draft: Draft): AnswerInit {
  const why = takesWhy(q) ? cleanText(draft.why) : '';
  const value: AnswerInit = { why };
  switch (q.type) {
    case PollQuestionType.SINGLE:
    case PollQuestionType.MULTIPLE:
      value.choices = [...draft.choices].sort((a, b) => a - b);
      value.text = draft.choices.some((c) => isOther(q, c)) ? cleanText(draft.text) : '';
      break;
    case PollQuestionType.LIKERT:
      value.choices = [...draft.choices];
      break;
    case PollQuestionType.SCALE:
    case PollQuestionType.RECOMMEND:
      value.number = draft.number;
      break;
    case PollQuestionType.OPEN:
      value.text = cleanText(draft.text);
      break;
    case PollQuestionType.WORDS:
      value.words = cleanWords(draft);
      break;
  }
  return value;
}

// ---- Answers given: the server's (POLL_MINE) and those still in the outbox

// The answers this phone's outbox still holds for a poll, by question (the newest wins): sent
// as far as the person is concerned, not yet acknowledged.
export function pendingAnswers(outbox: Command[], pollId: number): Map<number, PollAnswerValue> {
  const pending = new Map<number, PollAnswerValue>();
  for (const { body } of outbox) {
    if (body.case === 'answerPoll' && body.value.pollId === pollId && body.value.value)
      pending.set(body.value.question, body.value.value);
  }
  return pending;
}

export function savedAnswers(mine: PollMine | undefined): Map<number, PollAnswerValue> {
  const saved = new Map<number, PollAnswerValue>();
  for (const a of mine?.answers ?? []) if (a.value) saved.set(a.question, a.value);
  return saved;
}

// The question a survey opens at: the first one not answered, or `count` (the thank-you) when
// every one is. After a reload the answers come from POLL_MINE (and the outbox), so the
// participant goes on where they left off.
export function resumeStep(count: number, answered: (question: number) => boolean): number {
  for (let i = 0; i < count; i++) if (!answered(i)) return i;
  return count;
}

// Where "Siguiente" goes from `step`: the next question; after the last, the first still
// unanswered (a question skipped with "Atrás"), or the thank-you when all are answered.
export function nextStep(step: number, count: number, answered: (question: number) => boolean): number {
  if (step + 1 < count) return step + 1;
  return resumeStep(count, answered);
}

// ---- Results

export interface Bar {
  label: string;
  count: number;
  percent: number; // 0-100, rounded
  mine: boolean;
}

export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count * 100) / total) : 0;
}

// The bars of a choice, scale or 0-10 question: one per option (and "other") or per point, as a
// share of those who answered (a multiple choice's may add up to more than 100).
export function barsOf(q: PollQuestionSpec, tally: PollTally, mine: PollAnswerValue | undefined, other: string): Bar[] {
  const total = tally.answered;
  if (isChoice(q)) {
    const labels = [...q.options, ...(q.allowOther ? [other] : [])];
    return labels.map((label, i) => {
      const count = tally.counts[i] ?? 0;
      return { label, count, percent: percentOf(count, total), mine: mine?.choices.includes(i) ?? false };
    });
  }
  if (q.type === PollQuestionType.SCALE || q.type === PollQuestionType.RECOMMEND) {
    return scalePoints(q).map((point, i) => {
      const count = tally.counts[i] ?? 0;
      return { label: String(point), count, percent: percentOf(count, total), mine: mine?.number === point };
    });
  }
  return [];
}

// A scale's mean, from its tally (undefined before any answer).
export function meanOf(q: PollQuestionSpec, tally: PollTally): number | undefined {
  const points = scalePoints(q);
  let sum = 0;
  let n = 0;
  points.forEach((p, i) => {
    const c = tally.counts[i] ?? 0;
    sum += p * c;
    n += c;
  });
  return n > 0 ? sum / n : undefined;
}

// A Likert matrix's result, per statement: the level chosen most (the lowest of a tie) and its
// share of that statement's answers; undefined before any answer.
export function likertTops(q: PollQuestionSpec, tally: PollTally): ({ level: number; percent: number } | undefined)[] {
  const levels = q.options.length;
  return q.statements.map((_, s) => {
    const row = tally.counts.slice(s * levels, (s + 1) * levels);
    const total = row.reduce((a, b) => a + b, 0);
    const most = Math.max(...row);
    return total > 0 ? { level: row.indexOf(most), percent: percentOf(most, total) } : undefined;
  });
}

// ---- Words for an answer given

export interface AnswerWords {
  other: (text: string) => string;
  scale: (n: number, min: number, max: number) => string;
  recommend: (n: number) => string;
  why: (text: string) => string;
}

// An answer as lines a person reads back ("Respuesta enviada: …").
export function describeAnswer(q: PollQuestionSpec, value: PollAnswerValue, words: AnswerWords): string[] {
  const lines: string[] = [];
  switch (q.type) {
    case PollQuestionType.SINGLE:
    case PollQuestionType.MULTIPLE:
      lines.push(...value.choices.map((c) => (isOther(q, c) ? words.other(value.text) : (q.options[c] ?? '?'))));
      break;
    case PollQuestionType.LIKERT:
      // The level first: a long statement is cut, the answer is not.
      q.statements.forEach((s, i) => lines.push(`${q.options[value.choices[i] ?? -1] ?? '?'} · ${s}`));
      break;
    case PollQuestionType.SCALE: {
      const points = scalePoints(q);
      lines.push(words.scale(value.number ?? 0, points[0] ?? 0, points[points.length - 1] ?? 0));
      break;
    }
    case PollQuestionType.RECOMMEND:
      lines.push(words.recommend(value.number ?? 0));
      break;
    case PollQuestionType.OPEN:
      lines.push(value.text);
      break;
    case PollQuestionType.WORDS:
      lines.push(value.words.join(', '));
      break;
  }
  if (value.why) lines.push(words.why(value.why));
  return lines;
}
