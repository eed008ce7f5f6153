import { useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { LiveAnswer, LiveQuestion } from '../../gen/campana/v1/live_question_pb';
import { answerMaxLength } from '../../ui/AnswerBox';
import { GuardedButton } from '../../ui/GuardedButton';
import { AnswerList } from '../../ui/AnswerList';
import { ShowButtons } from '../../ui/ShowButtons';
import { cleanText } from '../../ui/text';
import { type CommandState, Refusal, useCommand } from '../../ui/useCommand';
import type { ViewProps } from '../activity';
import { useLiveQuestionConsoleMessages } from './consoleMessages';
import { askBlock } from './guards';
import { useLiveQuestionMessages } from './messages';
import { openQuestion } from './questions';

// Ask the room something now, whatever the agenda says; then watch the answers come, close the
// question, and put its answers on the projector (with or without names) or take them off.
// The latest question is open here; earlier ones are folded away.
export function ConsoleLiveQuestion({ session }: ViewProps) {
  const m = useLiveQuestionMessages();
  const c = useLiveQuestionConsoleMessages();
  const command = useCommand(session);
  const [prompt, setPrompt] = useState('');
  const { view } = session;
  const open = openQuestion(view);
  const questions = view.docs(DocKind.LIVE_QUESTION).reverse(); // newest first
  const [latest, ...earlier] = questions;
  const answers = view.docs(DocKind.LIVE_ANSWER);
  const names = new Map(view.docs(DocKind.PARTICIPANT).map((p) => [p.id, p.displayName]));
  const block = (q: LiveQuestion) => (
    <QuestionBlock
      question={q}
      answers={answers.filter((a) => a.questionId === q.id)}
      names={names}
      command={command}
    />
  );

  const blocked = askBlock(prompt, questions.length);
  const ask = (event?: Event) => {
    event?.preventDefault();
    const text = cleanText(prompt);
    if (!text) return;
    void command.send({ case: 'askQuestion', value: { prompt: text } }).then((ok) => ok && setPrompt(''));
  };

  return (
    <section class="panel live-question-panel" aria-labelledby="console-live-question">
      <h2 id="console-live-question">{m.liveQuestion}</h2>
      <form onSubmit={ask}>
        <label class="field">
          <span>{m.askLabel}</span>
          <textarea
            rows={2}
            maxLength={answerMaxLength}
            required
            value={prompt}
            onInput={(e) => setPrompt(e.currentTarget.value)}
          />
        </label>
        <p class="muted">{open ? m.askClosesOpen : m.askHint}</p>
        <GuardedButton class="primary" why={blocked && c.askBlocked[blocked]} onClick={ask}>
          {m.askNow}
        </GuardedButton>
      </form>
      <Refusal command={command} />
      {latest && (
        <div class="question-block">
          <h3 class="said title">{latest.prompt}</h3>
          {block(latest)}
        </div>
      )}
      {earlier.length > 0 && (
        <details class="earlier">
          <summary>{m.earlierQuestions(earlier.length)}</summary>
          {earlier.map((q) => (
            <details key={q.id} class="question-block">
              <summary>
                <span class="said title">{q.prompt}</span>
              </summary>
              {block(q)}
            </details>
          ))}
        </details>
      )}
    </section>
  );
}

function QuestionBlock({
  question,
  answers,
  names,
  command,
}: {
  question: LiveQuestion;
  answers: LiveAnswer[];
  names: Map<number, string>;
  command: CommandState;
}) {
  const m = useLiveQuestionMessages();
  const onScreen = !question.shown ? m.offScreen : question.withNames ? m.onScreenNamed : m.onScreenAnonymous;
  const questionId = question.id;
  return (
    <>
      <p class="muted">
        {question.open ? m.openNow : m.closedNow} · {m.answerCount(answers.length)} · {onScreen}
      </p>
      <div class="buttons">
        {question.open && (
          <button
            type="button"
            class="danger"
            onClick={() => void command.send({ case: 'closeQuestion', value: { questionId } })}
          >
            {m.closeQuestion}
          </button>
        )}
      </div>
      <ShowButtons
        labels={{ show: m.projectAnswers, withNames: m.projectWithNames, hide: m.takeOffScreen }}
        onShow={(show, withNames) =>
          void command.send({ case: 'showQuestionAnswers', value: { questionId, show, withNames } })
        }
      />
      <AnswerList answers={answers} names={names} />
    </>
  );
}
