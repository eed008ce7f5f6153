import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { LiveQuestion } from '../../gen/campana/v1/live_question_pb';
import type { View } from '../../state/view';

// Each participant may answer a question up to this many times (the server's limit).
export const maxAnswersEach = 20;

// The question open now: one at a time (asking the next closes the last), so the newest open.
export function openQuestion(view: View): LiveQuestion | undefined {
  const open = view.docs(DocKind.LIVE_QUESTION).filter((q) => q.open);
  return open[open.length - 1];
}
