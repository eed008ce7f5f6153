import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { AnswerList } from '../../ui/AnswerList';
import { ShowButtons } from '../../ui/ShowButtons';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useQuestionMessages } from './messages';

// Answers to the agenda's open questions, and whether the projector shows them (named or not).
export function ConsoleQuestion({ session }: { session: Session }) {
  const m = useQuestionMessages();
  const command = useCommand(session);
  const agenda = session.view.doc(DocKind.AGENDA);
  if (!agenda) return null;
  const names = new Map(session.view.docs(DocKind.PARTICIPANT).map((p) => [p.id, p.displayName]));
  const answers = session.view.docs(DocKind.ANSWER);
  const questions = agenda.items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.activity === Agenda_Activity.QUESTION);
  if (questions.length === 0) return null;
  const labels = { show: m.showOnScreen, withNames: m.showWithNames, hide: m.hideFromScreen };
  return (
    <section class="panel" aria-labelledby="answers">
      <h2 id="answers">{m.answers}</h2>
      {questions.map(({ item, index }) => {
        const these = answers.filter((a) => a.agendaIndex === index);
        return (
          <div key={index} class="question-block">
            <h3>{item.prompt || item.title}</h3>
            <ShowButtons
              labels={labels}
              onShow={(show, withNames) =>
                void command.send({ case: 'showAnswers', value: { agendaIndex: index, show, withNames } })
              }
            />
            <AnswerList answers={these} names={names} />
          </div>
        );
      })}
      <Refusal command={command} />
    </section>
  );
}
