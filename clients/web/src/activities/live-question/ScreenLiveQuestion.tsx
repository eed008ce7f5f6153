import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_pb';
import type { LiveQuestion, ShownLiveAnswer } from '../../gen/campana/v1/live_question_pb';
import type { ViewProps } from '../activity';
import { useLiveQuestionMessages } from './messages';
import { openQuestion } from './questions';

// Room left below the last answer shown, for the line that says how many more there are.
const footerPx = 72;

// The room's scene while a question is open or its answers are shown: the open question's
// prompt, big, and the answers the facilitator put on the screen (named only if chosen). The
// screen never scrolls: the newest answers come first and those that do not fit are left out,
// with a line that says how many.
export function ScreenLiveQuestion({ session }: ViewProps) {
  const m = useLiveQuestionMessages();
  const open = openQuestion(session.view);
  const shown = session.view.docs(DocKind.LIVE_QUESTION).filter((q) => q.shown && q.id !== open?.id);
  // The open question first; a closed one whose answers are still on the screen after it.
  const questions = [...(open ? [open] : []), ...shown.reverse()];
  const answers = session.view.docs(DocKind.SHOWN_LIVE_ANSWER);
  return (
    <section class="screen-live-question" aria-label={m.liveQuestion}>
      {questions.map((q, i) => (
        <QuestionOnScreen
          key={q.id}
          question={q}
          big={i === 0}
          answers={answers.filter((a) => a.questionId === q.id).reverse()}
        />
      ))}
    </section>
  );
}

function QuestionOnScreen({
  question,
  big,
  answers,
}: {
  question: LiveQuestion;
  big: boolean;
  answers: ShownLiveAnswer[];
}) {
  const m = useLiveQuestionMessages();
  const list = useRef<HTMLUListElement>(null);
  const [left, setLeft] = useState(0);

  // After each render and on resizing: show every answer, then hide, from the first that
  // reaches past the bottom of the screen, that one and all older ones.
  useLayoutEffect(() => {
    const fit = () => {
      const items = Array.from(list.current?.children ?? []) as HTMLElement[];
      items.forEach((item) => (item.hidden = false));
      const bottom = window.innerHeight - footerPx;
      const first = items.findIndex((item) => item.getBoundingClientRect().bottom > bottom);
      const cut = first === -1 ? [] : items.slice(first);
      cut.forEach((item) => (item.hidden = true));
      setLeft(cut.length);
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });

  return (
    <div class={`live-on-screen ${big ? 'big' : ''}`}>
      <h2 class="said title live-prompt">{question.prompt}</h2>
      {question.shown && (
        <ul class="live-answers" ref={list} aria-label={m.answers}>
          {answers.map((a) => (
            <li key={a.id} class="answer">
              <q class="said answer-text">{a.text}</q>
              {question.withNames && a.authorName && <span class="said name author">{a.authorName}</span>}
            </li>
          ))}
        </ul>
      )}
      {left > 0 && <p class="more-answers">{m.moreAnswers(left)}</p>}
    </div>
  );
}
