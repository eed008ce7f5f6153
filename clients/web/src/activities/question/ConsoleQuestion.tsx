import { useState } from 'preact/hooks';
import { DocKind, Agenda_Activity } from '../../gen/campana/v1/docs_pb';
import { useMessages } from '../../i18n/i18n';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';

// Answers to the open questions, and whether the projector shows them (named or not).
export function AnswersPanel({ session }: { session: Session }) {
  const m = useMessages();
  const command = useCommand(session);
  const agenda = session.view.doc(DocKind.AGENDA);
  if (!agenda) return null;
  const names = new Map(session.view.docs(DocKind.PARTICIPANT).map((p) => [p.id, p.displayName]));
  const answers = session.view.docs(DocKind.ANSWER);
  const questions = agenda.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.activity === Agenda_Activity.QUESTION);
  if (questions.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="answers">
      <h2 id="answers">{m.answers}</h2>
      {questions.map(({ item, index }) => {
        const these = answers.filter((a) => a.agendaIndex === index);
        return (
          <div key={index} class="question-block">
            <h3>{item.prompt || item.title}</h3>
            <div class="buttons">
              <button
                type="button"
                onClick={() =>
                  void command.send({
                    case: 'showAnswers',
                    value: { agendaIndex: index, show: true, withNames: false },
                  })
                }
              >
                {m.showOnScreen}
              </button>
              <button
                type="button"
                onClick={() =>
                  void command.send({ case: 'showAnswers', value: { agendaIndex: index, show: true, withNames: true } })
                }
              >
                {m.showWithNames}
              </button>
              <button
                type="button"
                onClick={() =>
                  void command.send({
                    case: 'showAnswers',
                    value: { agendaIndex: index, show: false, withNames: false },
                  })
                }
              >
                {m.hideFromScreen}
              </button>
            </div>
            {these.length === 0 ? (
              <p class="muted">{m.noAnswers}</p>
            ) : (
              <ul class="answers">
                {these.map((a) => (
                  <AnswerItem key={a.id} text={a.text} author={names.get(a.participantId) ?? '?'} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
      <Refusal command={command} />
    </section>
  );
}

// Past this, an answer is shown clamped to a few lines, with a button to read it all.
const longAnswer = 280;

function AnswerItem({ text, author }: { text: string; author: string }) {
  const m = useMessages();
  const [open, setOpen] = useState(false);
  const long = [...text].length > longAnswer || text.split('\n').length > 4;
  return (
    <li class="answer">
      <span class={`said answer-text ${open ? 'open' : ''}`}>{text}</span>
      <span class="said name author">— {author}</span>
      {long && (
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? m.showLess : m.showAll}
        </button>
      )}
    </li>
  );
}
