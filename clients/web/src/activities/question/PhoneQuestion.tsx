import { DocKind } from '../../gen/campana/v1/docs_pb';
import { useState } from 'preact/hooks';
import { rejectionText, useMessages } from '../../i18n/i18n';
import { Notice } from '../../ui/Chrome';
import type { Session } from '../../session';
import { cleanText } from '../../ui/text';

// An open question of the current agenda item. Answers go through the outbox: typed on a
// train with no signal, they arrive when the phone is back.
export function AnswerPanel({ session, index, prompt }: { session: Session; index: number; prompt: string }) {
  const m = useMessages();
  const [text, setText] = useState('');
  const mine = session.view.docs(DocKind.ANSWER).filter((a) => a.agendaIndex === index);
  const waiting = session.connection.outboxSize();
  const refused =
    session.connection.refusedSubmission?.kind === 'submitAnswer' ? session.connection.refusedSubmission : undefined;

  const send = (event: Event) => {
    event.preventDefault();
    const answer = cleanText(text);
    if (!answer) return;
    session.connection.submit({ case: 'submitAnswer', value: { agendaIndex: index, text: answer } });
    setText('');
  };

  return (
    <section class="card question" aria-labelledby="question">
      <h2 id="question">{prompt}</h2>
      <form onSubmit={send}>
        <label class="field">
          <span>{m.yourAnswer}</span>
          <textarea rows={3} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {m.send}
        </button>
      </form>
      {waiting > 0 && (
        <p class="pending" role="status">
          {session.connection.busyLong ? m.pendingBusy(waiting) : m.pendingAnswers(waiting)}
        </p>
      )}
      {refused && !refused.reply.ok && (
        <Notice onClose={() => session.connection.forgetRefusal()}>
          {m.answerRefused} {rejectionText(m, refused.reply.code)}
        </Notice>
      )}
      {mine.length > 0 && (
        <>
          <h3>{m.yourAnswers}</h3>
          <ul class="answers">
            {mine.map((a) => (
              <li key={a.id} class="said answer-text">
                {a.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
