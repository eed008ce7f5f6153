import { DocKind } from '../../gen/campana/v1/docs_enums';
import { AnswerBox } from '../../ui/AnswerBox';
import { OutboxStatus } from '../../ui/OutboxStatus';
import { OwnAnswers } from '../../ui/OwnAnswers';
import type { PhoneProps } from '../activity';
import { useLiveQuestionMessages } from './messages';
import { maxAnswersEach, openQuestion } from './questions';

// The question asked now, above everything else on the phone: the prompt, a box to answer
// (through the outbox, like every answer), and this person's own answers, which nobody but
// they and the facilitators see.
export function PhoneLiveQuestion({ session, me }: PhoneProps) {
  const m = useLiveQuestionMessages();
  const question = openQuestion(session.view);
  if (!question) return null;
  const mine = session.view
    .docs(DocKind.LIVE_ANSWER)
    .filter((a) => a.questionId === question.id && a.participantId === me);
  const full = mine.length >= maxAnswersEach;

  return (
    <section class="card live-question" aria-labelledby="live-question">
      <p class="eyebrow">{m.asked}</p>
      <h2 id="live-question" class="said title" data-title>
        {question.prompt}
      </h2>
      {full ? (
        <p class="muted" data-primary>
          {m.repliesFull(maxAnswersEach)}
        </p>
      ) : (
        <div data-primary>
          <AnswerBox
            label={m.replyLabel}
            button={m.reply}
            draftKey={`campana:${session.code}:draft:live:${question.id}`}
            onSend={(text) =>
              session.connection.submit({ case: 'answerQuestion', value: { questionId: question.id, text } })
            }
          />
        </div>
      )}
      <OutboxStatus session={session} kind="answerQuestion" />
      <OwnAnswers title={m.yourReplies(mine.length, maxAnswersEach)} answers={mine} />
    </section>
  );
}
