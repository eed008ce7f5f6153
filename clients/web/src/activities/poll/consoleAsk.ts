import type { MessageInitShape } from '@bufbuild/protobuf';
import { PollQuestionType } from '../../gen/campana/v1/poll_enums';
import { type PollQuestionSpec, type PollQuestionSpecSchema } from '../../gen/campana/v1/poll_pb';
import { cleanText } from '../../ui/text';

// The console's "ask now" form as data: what the facilitator typed, the question it makes (only
// the fields its type takes: the server refuses the others), and why the server would refuse it
// (the limits of campana.v1.PollQuestionSpec, mirrored; unit-tested in test/poll-ask.test.ts).

export interface AskDraft {
  type: PollQuestionType;
  prompt: string;
  options: string[]; // SINGLE, MULTIPLE
  maxChoices: number;
  allowOther: boolean;
  whyPrompt: string;
  scaleMin: number;
  scaleMax: number;
  scaleStep: number;
  minLabel: string;
  maxLabel: string;
  levels: string[]; // LIKERT
  statements: string[];
  maxWords: number;
  anonymous: boolean;
  resultsLive: boolean;
}

export type AskBlock = 'prompt' | 'options' | 'levels' | 'statements' | 'scale' | 'labels' | 'maxChoices' | 'maxWords';

const maxPrompt = 300;
const maxOption = 120;

// The Likert levels the form starts with, in the workshop's language (the phones'), not the
// console's.
export function agreementLevels(language: string): string[] {
  return language.startsWith('en')
    ? ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree']
    : ['Totalmente en desacuerdo', 'En desacuerdo', 'Neutral', 'De acuerdo', 'Totalmente de acuerdo'];
}

export function emptyDraft(language: string): AskDraft {
  return {
    type: PollQuestionType.SINGLE,
    prompt: '',
    options: ['', ''],
    maxChoices: 0,
    allowOther: false,
    whyPrompt: '',
    scaleMin: 1,
    scaleMax: 5,
    scaleStep: 1,
    minLabel: '',
    maxLabel: '',
    levels: agreementLevels(language),
    statements: [''],
    maxWords: 3,
    anonymous: true,
    resultsLive: false,
  };
}

// A question as the form edits it; the fields its type does not use start as a blank form's.
export function draftOf(q: PollQuestionSpec, language: string): AskDraft {
  const blank = emptyDraft(language);
  const t = q.type;
  return {
    ...blank,
    type: t,
    prompt: q.prompt,
    options: isChoice(t) && q.options.length > 0 ? [...q.options] : blank.options,
    maxChoices: q.maxChoices,
    allowOther: q.allowOther,
    whyPrompt: q.whyPrompt,
    scaleMin: t === PollQuestionType.SCALE ? q.scaleMin : blank.scaleMin,
    scaleMax: t === PollQuestionType.SCALE ? q.scaleMax : blank.scaleMax,
    scaleStep: t === PollQuestionType.SCALE ? q.scaleStep || 1 : blank.scaleStep,
    minLabel: q.minLabel,
    maxLabel: q.maxLabel,
    levels: t === PollQuestionType.LIKERT && q.options.length > 0 ? [...q.options] : blank.levels,
    statements: q.statements.length > 0 ? [...q.statements] : blank.statements,
    maxWords: q.maxWords || blank.maxWords,
  };
}

// The workshop's two questions (ACTIVITIES.md, items 6 and 7), in its language.
export type Preset = 'failure' | 'mindset';

export function presetDraft(preset: Preset, language: string): AskDraft {
  const en = language.startsWith('en');
  const draft = emptyDraft(language);
  if (preset === 'failure') {
    return {
      ...draft,
      type: PollQuestionType.SCALE,
      prompt: en
        ? 'How comfortable do you think your employees are with failure?'
        : '¿Qué tan cómodos cree que se sienten sus empleados con el fracaso?',
      minLabel: en ? 'Not at all comfortable' : 'Nada cómodos',
      maxLabel: en ? 'Very comfortable' : 'Muy cómodos',
    };
  }
  return {
    ...draft,
    type: PollQuestionType.SINGLE,
    prompt: en
      ? 'Which mindset should your institution strengthen, and why?'
      : '¿Qué mentalidad debería fortalecer su institución y por qué?',
    options: en
      ? ['Collaborative', 'Learning', 'Leadership', 'Experimental']
      : ['Colaborativa', 'De aprendizaje', 'De liderazgo', 'Experimental'],
    allowOther: true,
    whyPrompt: en ? 'Why?' : '¿Por qué?',
  };
}

const length = (text: string) => Array.from(cleanText(text)).length;
const filled = (rows: readonly string[]) => rows.map(cleanText).filter((r) => r !== '');

const isChoice = (t: PollQuestionType) => t === PollQuestionType.SINGLE || t === PollQuestionType.MULTIPLE;
export const takesWhy = (t: PollQuestionType) =>
  isChoice(t) || t === PollQuestionType.SCALE || t === PollQuestionType.RECOMMEND;
export const takesLabels = (t: PollQuestionType) => t === PollQuestionType.SCALE || t === PollQuestionType.RECOMMEND;

function listBlock(rows: readonly string[], min: number, max: number): boolean {
  const kept = filled(rows);
  return kept.length < min || kept.length > max || kept.some((r) => length(r) > maxOption);
}

// Why the server would refuse the question now; undefined: it would take it.
export function askBlock(d: AskDraft): AskBlock | undefined {
  const prompt = length(d.prompt);
  if (prompt === 0 || prompt > maxPrompt) return 'prompt';
  if (isChoice(d.type) && listBlock(d.options, 2, 12)) return 'options';
  if (
    d.type === PollQuestionType.MULTIPLE &&
    (d.maxChoices < 0 || d.maxChoices > filled(d.options).length + Number(d.allowOther))
  )
    return 'maxChoices';
  if (d.type === PollQuestionType.LIKERT) {
    if (listBlock(d.levels, 2, 7)) return 'levels';
    if (listBlock(d.statements, 1, 12)) return 'statements';
  }
  if (d.type === PollQuestionType.SCALE) {
    const { scaleMin: min, scaleMax: max, scaleStep: step } = d;
    const whole = [min, max, step].every(Number.isInteger);
    if (!whole || step < 1 || min >= max || Math.abs(min) > 1000 || Math.abs(max) > 1000) return 'scale';
    if ((max - min) % step !== 0 || (max - min) / step + 1 > 21) return 'scale';
  }
  if (takesLabels(d.type) && (length(d.minLabel) > maxOption || length(d.maxLabel) > maxOption)) return 'labels';
  if (takesWhy(d.type) && length(d.whyPrompt) > maxOption) return 'labels';
  if (d.type === PollQuestionType.WORDS && (!Number.isInteger(d.maxWords) || d.maxWords < 1 || d.maxWords > 5))
    return 'maxWords';
  return undefined;
}

// The question the form makes: the fields of its type only, texts cleaned, blank rows left out.
export function questionOf(d: AskDraft): MessageInitShape<typeof PollQuestionSpecSchema> {
  const t = d.type;
  return {
    type: t,
    prompt: cleanText(d.prompt),
    options: isChoice(t) ? filled(d.options) : t === PollQuestionType.LIKERT ? filled(d.levels) : [],
    maxChoices: t === PollQuestionType.MULTIPLE ? d.maxChoices : 0,
    allowOther: isChoice(t) && d.allowOther,
    whyPrompt: takesWhy(t) ? cleanText(d.whyPrompt) : '',
    scaleMin: t === PollQuestionType.SCALE ? d.scaleMin : 0,
    scaleMax: t === PollQuestionType.SCALE ? d.scaleMax : 0,
    scaleStep: t === PollQuestionType.SCALE ? d.scaleStep : 0,
    minLabel: takesLabels(t) ? cleanText(d.minLabel) : '',
    maxLabel: takesLabels(t) ? cleanText(d.maxLabel) : '',
    statements: t === PollQuestionType.LIKERT ? filled(d.statements) : [],
    maxWords: t === PollQuestionType.WORDS ? d.maxWords : 0,
  };
}
