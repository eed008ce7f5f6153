import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { CommandSchema } from '../src/gen/campana/v1/commands_pb';
import { PollQuestionType } from '../src/gen/campana/v1/poll_enums';
import {
  PollAnswerValueSchema,
  PollMineSchema,
  PollQuestionSpecSchema,
  PollTallySchema,
} from '../src/gen/campana/v1/poll_pb';
import {
  answerOf,
  answerProblem,
  barsOf,
  describeAnswer,
  type Draft,
  draftOf,
  likertTops,
  maxChoicesOf,
  meanOf,
  nextStep,
  pendingAnswers,
  resumeStep,
  savedAnswers,
  scaleColumns,
  scalePoints,
  setLevel,
  takesWhy,
  toggleChoice,
} from '../src/activities/poll/PhonePollModel';

const T = PollQuestionType;
const question = (init: MessageInitShape<typeof PollQuestionSpecSchema>) =>
  create(PollQuestionSpecSchema, { prompt: '¿?', ...init });
const single = question({ type: T.SINGLE, options: ['Sí', 'No', 'Quizás'] });
const multiple = question({ type: T.MULTIPLE, options: ['a', 'b', 'c', 'd'], maxChoices: 2, allowOther: true });
const scale = question({ type: T.SCALE, scaleMin: 1, scaleMax: 5, scaleStep: 1, whyPrompt: '¿Por qué?' });
const likert = question({ type: T.LIKERT, options: ['Nada', 'Algo', 'Mucho'], statements: ['s1', 's2'] });
const recommend = question({ type: T.RECOMMEND, whyPrompt: '¿Por qué?' });
const open = question({ type: T.OPEN });
const words = question({ type: T.WORDS, maxWords: 3 });
const draft = (q: typeof single, init: Partial<Draft> = {}): Draft => ({ ...draftOf(q), ...init });
const value = (init: MessageInitShape<typeof PollAnswerValueSchema>) => create(PollAnswerValueSchema, init);

describe('scales', () => {
  it('lists the points from min to max by step, 1..5 when unset, 0..10 for a recommendation', () => {
    expect(scalePoints(scale)).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints(question({ type: T.SCALE }))).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints(question({ type: T.SCALE, scaleMin: 0, scaleMax: 100, scaleStep: 10 }))).toHaveLength(11);
    expect(scalePoints(question({ type: T.SCALE, scaleMin: -2, scaleMax: 3, scaleStep: 2 }))).toEqual([-2, 0, 2]);
    expect(scalePoints(recommend)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('wraps more than 7 points into even rows of at most 7 (for 360 px)', () => {
    const rows = (n: number) => {
      const cols = scaleColumns(n);
      return Array.from({ length: Math.ceil(n / cols) }, (_, r) => Math.min(cols, n - r * cols));
    };
    expect(rows(2)).toEqual([2]);
    expect(rows(5)).toEqual([5]);
    expect(rows(7)).toEqual([7]);
    expect(rows(8)).toEqual([4, 4]);
    expect(rows(10)).toEqual([5, 5]);
    expect(rows(11)).toEqual([6, 5]);
    expect(rows(14)).toEqual([7, 7]);
    expect(rows(15)).toEqual([5, 5, 5]);
    expect(rows(21)).toEqual([7, 7, 7]);
    for (let n = 2; n <= 21; n++) expect(scaleColumns(n)).toBeLessThanOrEqual(7);
  });
});

describe('choosing', () => {
  it('replaces a single choice and toggles a multiple one up to its maximum', () => {
    let d = toggleChoice(single, draft(single), 0);
    d = toggleChoice(single, d, 2);
    expect(d.choices).toEqual([2]);

    expect(maxChoicesOf(multiple)).toBe(2);
    let m = toggleChoice(multiple, draft(multiple), 3);
    m = toggleChoice(multiple, m, 1);
    expect(m.choices).toEqual([1, 3]);
    expect(toggleChoice(multiple, m, 0).choices).toEqual([1, 3]); // full: refused
    expect(toggleChoice(multiple, m, 3).choices).toEqual([1]);
  });

  it('takes every option when a multiple choice has no maximum, "other" included', () => {
    expect(maxChoicesOf(question({ type: T.MULTIPLE, options: ['a', 'b', 'c'] }))).toBe(3);
    expect(maxChoicesOf(question({ type: T.MULTIPLE, options: ['a', 'b', 'c'], allowOther: true }))).toBe(4);
    expect(maxChoicesOf(question({ type: T.MULTIPLE, options: ['a', 'b'], maxChoices: 9 }))).toBe(2);
    expect(maxChoicesOf(single)).toBe(1);
  });

  it('asks why only for choices, scales and 0-10 questions that have a why prompt', () => {
    expect(takesWhy(scale)).toBe(true);
    expect(takesWhy(recommend)).toBe(true);
    expect(takesWhy(single)).toBe(false);
    expect(takesWhy(question({ type: T.OPEN, whyPrompt: '¿Por qué?' }))).toBe(false);
  });
});

describe('what keeps an answer from being sent', () => {
  it('a choice: none chosen, too many, "other" without its text', () => {
    expect(answerProblem(single, draft(single))).toBe('choose');
    expect(answerProblem(single, draft(single, { choices: [1] }))).toBeUndefined();
    expect(answerProblem(multiple, draft(multiple, { choices: [0, 1, 2] }))).toBe('tooMany');
    expect(answerProblem(multiple, draft(multiple, { choices: [4] }))).toBe('otherText');
    expect(answerProblem(multiple, draft(multiple, { choices: [4], text: '  ' }))).toBe('otherText');
    expect(answerProblem(multiple, draft(multiple, { choices: [4], text: 'x'.repeat(121) }))).toBe('tooLong');
    expect(answerProblem(multiple, draft(multiple, { choices: [0, 4], text: 'otra' }))).toBeUndefined();
  });

  it('a scale: no number, or one off the scale; a why over 500 characters', () => {
    expect(answerProblem(scale, draft(scale))).toBe('number');
    expect(answerProblem(scale, draft(scale, { number: 6 }))).toBe('number');
    expect(answerProblem(scale, draft(scale, { number: 5 }))).toBeUndefined();
    expect(answerProblem(scale, draft(scale, { number: 5, why: 'ñ'.repeat(501) }))).toBe('tooLong');
    expect(answerProblem(recommend, draft(recommend, { number: 0 }))).toBeUndefined();
  });

  it('a Likert matrix: every statement needs its level', () => {
    const d = draft(likert);
    expect(d.choices).toEqual([-1, -1]);
    expect(answerProblem(likert, setLevel(d, 0, 2))).toBe('likert');
    expect(answerProblem(likert, setLevel(setLevel(d, 0, 2), 1, 0))).toBeUndefined();
  });

  it('open text: not empty, at most 1000 characters (code points)', () => {
    expect(answerProblem(open, draft(open, { text: ' \n ' }))).toBe('text');
    expect(answerProblem(open, draft(open, { text: '😀'.repeat(1000) }))).toBeUndefined();
    expect(answerProblem(open, draft(open, { text: 'a'.repeat(1001) }))).toBe('tooLong');
  });

  it('words: at least one, each up to 30 characters, none twice', () => {
    const d = draft(words);
    expect(d.words).toEqual(['', '', '']);
    expect(answerProblem(words, d)).toBe('words');
    expect(answerProblem(words, { ...d, words: ['', 'equipo', ''] })).toBeUndefined();
    expect(answerProblem(words, { ...d, words: ['x'.repeat(31), '', ''] })).toBe('tooLong');
    expect(answerProblem(words, { ...d, words: ['Innovación', 'innovación ', ''] })).toBe('wordTwice');
    expect(answerProblem(words, { ...d, words: ['trabajo  en equipo', 'trabajo en equipo', ''] })).toBe('wordTwice');
  });
});

describe('the answer sent', () => {
  it('keeps only the fields its type takes, cleaned', () => {
    expect(answerOf(multiple, draft(multiple, { choices: [3, 0], text: 'stale', why: 'x' }))).toEqual({
      why: '',
      choices: [0, 3],
      text: '',
    });
    expect(answerOf(multiple, draft(multiple, { choices: [4], text: '  otra  ' }))).toMatchObject({
      choices: [4],
      text: 'otra',
    });
    expect(answerOf(scale, draft(scale, { number: 4, why: ' porque sí ', choices: [1] }))).toEqual({
      why: 'porque sí',
      number: 4,
    });
    expect(answerOf(open, draft(open, { text: ' hola ' }))).toEqual({ why: '', text: 'hola' });
    expect(answerOf(words, { ...draft(words), words: [' a ', '', 'b'] })).toEqual({ why: '', words: ['a', 'b'] });
    expect(answerOf(likert, { ...draft(likert), choices: [2, 0] })).toEqual({ why: '', choices: [2, 0] });
  });

  it('is what the server takes back: a draft made from an answer sends that answer again', () => {
    const given = value({ choices: [4], text: 'otra' });
    expect(answerOf(multiple, draftOf(multiple, given))).toMatchObject({ choices: [4], text: 'otra' });
    const levels = value({ choices: [1, 2] });
    expect(draftOf(likert, levels).choices).toEqual([1, 2]);
    expect(draftOf(words, value({ words: ['uno'] })).words).toEqual(['uno', '', '']);
    expect(draftOf(scale, value({ number: 3, why: 'así' }))).toMatchObject({ number: 3, why: 'así' });
  });
});

describe('a survey', () => {
  it('resumes at the first question not answered, or at the thank-you', () => {
    expect(resumeStep(4, () => false)).toBe(0);
    expect(resumeStep(4, (q) => q < 2)).toBe(2);
    expect(resumeStep(4, (q) => q !== 1)).toBe(1);
    expect(resumeStep(4, () => true)).toBe(4);
  });

  it('goes on to the next question; after the last, back to one skipped or to the thank-you', () => {
    expect(nextStep(0, 4, () => false)).toBe(1);
    expect(nextStep(3, 4, (q) => q !== 1)).toBe(1);
    expect(nextStep(3, 4, () => true)).toBe(4);
  });

  it('counts the answers still in the outbox as given, the newest for each question', () => {
    const answer = (pollId: number, q: number, n: number) =>
      create(CommandSchema, {
        clientSeq: BigInt(n),
        body: { case: 'answerPoll', value: { pollId, question: q, value: { number: n } } },
      });
    const outbox = [
      answer(7, 0, 1),
      create(CommandSchema, { body: { case: 'answerQuestion', value: { questionId: 1, text: 'x' } } }),
      answer(7, 0, 3),
      answer(8, 1, 2),
      answer(7, 2, 5),
    ];
    const pending = pendingAnswers(outbox, 7);
    expect([...pending.keys()].sort()).toEqual([0, 2]);
    expect(pending.get(0)?.number).toBe(3);

    const mine = create(PollMineSchema, { pollId: 7, answers: [{ question: 1, value: { number: 2 } }] });
    expect([...savedAnswers(mine).keys()]).toEqual([1]);
    expect(savedAnswers(undefined).size).toBe(0);
  });
});

describe('results', () => {
  it('gives each option its share of those who answered, and marks mine', () => {
    const tally = create(PollTallySchema, { answered: 4, counts: [1, 3, 0, 0, 1] });
    const bars = barsOf(multiple, tally, value({ choices: [1] }), 'Otro');
    expect(bars.map((b) => [b.label, b.percent, b.mine])).toEqual([
      ['a', 25, false],
      ['b', 75, true],
      ['c', 0, false],
      ['d', 0, false],
      ['Otro', 25, false],
    ]);
    expect(barsOf(open, tally, undefined, 'Otro')).toEqual([]);
  });

  it('labels a scale by its points and gives its mean', () => {
    const tally = create(PollTallySchema, { answered: 4, counts: [0, 1, 0, 2, 1] });
    expect(
      barsOf(scale, tally, value({ number: 4 }), '').map((b) => `${b.label}:${b.percent}${b.mine ? '*' : ''}`),
    ).toEqual(['1:0', '2:25', '3:0', '4:50*', '5:25']);
    expect(meanOf(scale, tally)).toBe(3.75);
    expect(meanOf(scale, create(PollTallySchema, { answered: 0, counts: [0, 0, 0, 0, 0] }))).toBeUndefined();
  });

  it("gives each Likert statement its level chosen most, with that level's share", () => {
    const tally = create(PollTallySchema, { answered: 3, counts: [1, 2, 0, 0, 0, 3] });
    expect(likertTops(likert, tally)).toEqual([
      { level: 1, percent: 67 },
      { level: 2, percent: 100 },
    ]);
    expect(likertTops(likert, create(PollTallySchema, { counts: [0, 0, 0, 1, 1, 0] }))).toEqual([
      undefined,
      { level: 0, percent: 50 },
    ]);
  });
});

describe('an answer read back', () => {
  const wordsOf = {
    other: (t: string) => `Otro: ${t}`,
    scale: (n: number, min: number, max: number) => `${n} (de ${min} a ${max})`,
    recommend: (n: number) => `${n} de 10`,
    why: (t: string) => `Por qué: ${t}`,
  };
  it('says each type in a line or a few', () => {
    expect(describeAnswer(multiple, value({ choices: [1, 4], text: 'otra' }), wordsOf)).toEqual(['b', 'Otro: otra']);
    expect(describeAnswer(scale, value({ number: 4, why: 'así' }), wordsOf)).toEqual(['4 (de 1 a 5)', 'Por qué: así']);
    expect(describeAnswer(recommend, value({ number: 9 }), wordsOf)).toEqual(['9 de 10']);
    expect(describeAnswer(likert, value({ choices: [0, 2] }), wordsOf)).toEqual(['Nada · s1', 'Mucho · s2']);
    expect(describeAnswer(words, value({ words: ['uno', 'dos'] }), wordsOf)).toEqual(['uno, dos']);
    expect(describeAnswer(open, value({ text: 'hola' }), wordsOf)).toEqual(['hola']);
  });
});
