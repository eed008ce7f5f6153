import { describe, expect, it } from 'vitest';
import { PollQuestionType } from '../src/gen/campana/v1/poll_enums';
import { create } from '@bufbuild/protobuf';
import { PollQuestionSpecSchema } from '../src/gen/campana/v1/poll_pb';
import {
  agreementLevels,
  askBlock,
  draftOf,
  emptyDraft,
  presetDraft,
  questionOf,
} from '../src/activities/poll/consoleAsk';

describe("the console's ask form", () => {
  it('is off until the question and its options are written, and says why', () => {
    const d = emptyDraft('es');
    expect(askBlock(d)).toBe('prompt');
    expect(askBlock({ ...d, prompt: '  ' })).toBe('prompt');
    expect(askBlock({ ...d, prompt: 'x'.repeat(301) })).toBe('prompt');
    expect(askBlock({ ...d, prompt: '¿Sí o no?' })).toBe('options');
    expect(askBlock({ ...d, prompt: '¿Sí o no?', options: ['Sí', ' '] })).toBe('options');
    expect(askBlock({ ...d, prompt: '¿Sí o no?', options: ['Sí', 'No', ''] })).toBeUndefined();
    expect(askBlock({ ...d, prompt: '¿Sí o no?', options: ['Sí', 'n'.repeat(121)] })).toBe('options');
    expect(askBlock({ ...d, prompt: '¿?', options: Array.from({ length: 13 }, (_, i) => `${i}`) })).toBe('options');
  });

  it("mirrors the server's limits for scales, Likert matrices, clouds and multiple choice", () => {
    const d = { ...emptyDraft('es'), prompt: 'P' };
    const scale = { ...d, type: PollQuestionType.SCALE };
    expect(askBlock(scale)).toBeUndefined();
    expect(askBlock({ ...scale, scaleMin: 5, scaleMax: 5 })).toBe('scale');
    expect(askBlock({ ...scale, scaleMin: 0, scaleMax: 100, scaleStep: 5 })).toBeUndefined();
    expect(askBlock({ ...scale, scaleMin: 0, scaleMax: 100, scaleStep: 1 })).toBe('scale'); // 101 points
    expect(askBlock({ ...scale, scaleMin: 1, scaleMax: 10, scaleStep: 2 })).toBe('scale'); // 1, 3 ... 9: not 10
    expect(askBlock({ ...scale, scaleMin: NaN })).toBe('scale');
    expect(askBlock({ ...scale, minLabel: 'x'.repeat(121) })).toBe('labels');
    const likert = { ...d, type: PollQuestionType.LIKERT };
    expect(askBlock(likert)).toBe('statements');
    expect(askBlock({ ...likert, statements: ['Aprendí'] })).toBeUndefined();
    expect(askBlock({ ...likert, statements: ['Aprendí'], levels: ['Sí'] })).toBe('levels');
    const words = { ...d, type: PollQuestionType.WORDS };
    expect(askBlock(words)).toBeUndefined();
    expect(askBlock({ ...words, maxWords: 6 })).toBe('maxWords');
    const multiple = { ...d, type: PollQuestionType.MULTIPLE, options: ['A', 'B'] };
    expect(askBlock({ ...multiple, maxChoices: 2 })).toBeUndefined();
    expect(askBlock({ ...multiple, maxChoices: 3 })).toBe('maxChoices');
    expect(askBlock({ ...multiple, maxChoices: 3, allowOther: true })).toBeUndefined();
    expect(askBlock({ ...d, type: PollQuestionType.OPEN })).toBeUndefined();
  });

  it('sends only the fields the type takes, cleaned, blank rows left out', () => {
    const d = {
      ...emptyDraft('es'),
      prompt: '  ¿Cuál?  ',
      options: ['Uno', '', ' Dos '],
      allowOther: true,
      whyPrompt: '¿Por qué?',
      minLabel: 'bajo',
      statements: ['x'],
    };
    expect(questionOf(d)).toMatchObject({
      type: PollQuestionType.SINGLE,
      prompt: '¿Cuál?',
      options: ['Uno', 'Dos'],
      allowOther: true,
      whyPrompt: '¿Por qué?',
      minLabel: '',
      statements: [],
      scaleMin: 0,
      scaleMax: 0,
      maxWords: 0,
    });
    const likert = questionOf({ ...d, type: PollQuestionType.LIKERT });
    expect(likert).toMatchObject({
      options: agreementLevels('es'),
      statements: ['x'],
      allowOther: false,
      whyPrompt: '',
    });
    const open = questionOf({ ...d, type: PollQuestionType.OPEN });
    expect(open).toMatchObject({ options: [], allowOther: false, whyPrompt: '', minLabel: '' });
    const scale = questionOf({ ...d, type: PollQuestionType.SCALE });
    expect(scale).toMatchObject({ scaleMin: 1, scaleMax: 5, scaleStep: 1, minLabel: 'bajo', whyPrompt: '¿Por qué?' });
  });

  it("offers the workshop's two questions in its language, ready to ask", () => {
    const failure = presetDraft('failure', 'es');
    expect(failure.prompt).toBe('¿Qué tan cómodos cree que se sienten sus empleados con el fracaso?');
    expect(failure.type).toBe(PollQuestionType.SCALE);
    expect(askBlock(failure)).toBeUndefined();
    const mindset = presetDraft('mindset', 'es');
    expect(mindset.prompt).toBe('¿Qué mentalidad debería fortalecer su institución y por qué?');
    expect(mindset.whyPrompt).toBe('¿Por qué?');
    expect(askBlock(mindset)).toBeUndefined();
    expect(presetDraft('failure', 'en').prompt).toBe('How comfortable do you think your employees are with failure?');
    expect(agreementLevels('en')).toHaveLength(5);
    expect(emptyDraft('es').levels[0]).toBe('Totalmente en desacuerdo');
  });

  it('edits a question as it is: the form gives back the same question', () => {
    const specs = [
      {
        type: PollQuestionType.SCALE,
        prompt: 'Escala',
        scaleMin: 0,
        scaleMax: 10,
        scaleStep: 2,
        minLabel: 'a',
        maxLabel: 'b',
      },
      { type: PollQuestionType.LIKERT, prompt: 'L', options: ['No', 'Sí'], statements: ['Uno', 'Dos'] },
      {
        type: PollQuestionType.MULTIPLE,
        prompt: 'M',
        options: ['A', 'B', 'C'],
        maxChoices: 2,
        allowOther: true,
        whyPrompt: '¿Por qué?',
      },
      { type: PollQuestionType.WORDS, prompt: 'W', maxWords: 2 },
      { type: PollQuestionType.RECOMMEND, prompt: 'R', minLabel: 'nunca', maxLabel: 'siempre' },
    ];
    for (const init of specs) {
      const spec = create(PollQuestionSpecSchema, init);
      const draft = draftOf(spec, 'es');
      expect(askBlock(draft)).toBeUndefined();
      expect(create(PollQuestionSpecSchema, questionOf(draft))).toEqual(spec);
    }
  });
});
