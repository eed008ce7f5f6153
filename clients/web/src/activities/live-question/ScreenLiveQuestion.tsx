import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { ViewProps } from '../activity';
import { useLiveQuestionMessages } from './messages';
import { openQuestion } from './questions';

// The room's scene while a question is open or its answers are shown: one question, big (the
// open one, or else the latest whose answers the facilitator put on the screen), and its
// answers as shown (named only if chosen), newest first. They never scroll: the projector's
// frame flows them into columns, shrinks them, then pages them.
export function ScreenLiveQuestion({ session }: ViewProps) {
  const m = useLiveQuestionMessages();
  const open = openQuestion(session.view);
  const shown = session.view.docs(DocKind.LIVE_QUESTION).filter((q) => q.shown);
  const question = open ?? shown[shown.length - 1];
  if (!question) return null;
  const answers = question.shown
    ? session.view
        .docs(DocKind.SHOWN_LIVE_ANSWER)
        .filter((a) => a.questionId === question.id)
        .reverse()
    : [];
  return (
    <section class="scene screen-live-question" aria-label={m.liveQuestion}>
      <p class="scene-eyebrow">{m.asked}</p>
      <h2 class="said title scene-prompt live-prompt">{question.prompt}</h2>
      {question.shown && (
        <>
          <p class="answer-count">{m.answerCount(answers.length)}</p>
          <ul class="answer-grid live-answers" data-fit-list aria-label={m.answers}>
            {answers.map((a) => (
              <li key={a.id} class="answer">
                <q class="said answer-text">{a.text}</q>
                {question.withNames && a.authorName && <span class="said name author">{a.authorName}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
