import { Agenda_Activity, DocKind } from '../../gen/campana/v1/docs_enums';
import { AnswerBox } from '../../ui/AnswerBox';
import { OutboxStatus } from '../../ui/OutboxStatus';
import { OwnAnswers } from '../../ui/OwnAnswers';
import type { PhoneProps } from '../activity';
import { currentItem } from '../activity';
import { useQuestionMessages } from './messages';

// The open question of the current agenda item. Answers go through the outbox: typed on a
// train with no signal, they arrive when the phone is back.
export function PhoneQuestion({ session }: PhoneProps) {
  const m = useQuestionMessages();
  const agenda = session.view.doc(DocKind.AGENDA);
  const item = currentItem(session.view);
  // On while answers are shown, too; the phone has nothing to do then.
  if (!agenda || item?.activity !== Agenda_Activity.QUESTION) return null;
  const index = agenda.current;
  const mine = session.view.docs(DocKind.ANSWER).filter((a) => a.agendaIndex === index);

  return (
    <section class="card question" aria-labelledby="question">
      <h2 id="question" class="said prompt">
        {item.prompt}
      </h2>
      <div data-primary>
        <AnswerBox
          label={m.yourAnswer}
          button={m.send}
          draftKey={`campana:${session.code}:draft:answer:${index}`}
          onSend={(text) => session.connection.submit({ case: 'submitAnswer', value: { agendaIndex: index, text } })}
        />
      </div>
      <OutboxStatus session={session} kind="submitAnswer" />
      <OwnAnswers title={m.yourAnswers} answers={mine} />
    </section>
  );
}
