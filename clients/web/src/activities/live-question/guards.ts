// Why the server would refuse to ask a question now (server/domain/activities/live_question), or
// undefined when it would take it.
export type AskBlock = 'empty' | 'tooMany';

// A workshop asks at most this many live questions (kMaxQuestions).
export const maxQuestions = 500;

export function askBlock(prompt: string, asked: number): AskBlock | undefined {
  if (asked >= maxQuestions) return 'tooMany';
  if (prompt.trim() === '') return 'empty';
  return undefined;
}
