import type { Command } from '../gen/campana/v1/commands_pb';
import { rejectionText, useMessages } from '../i18n/i18n';
import type { Session } from '../session';
import { Notice } from './Chrome';

// What became of the phone's submissions of one kind: how many wait in the outbox (saved on
// the phone, sent when the server can take them) and, if the server refused one for good,
// that it was not kept and why.
export function OutboxStatus({ session, kind }: { session: Session; kind: Command['body']['case'] }) {
  const m = useMessages();
  const { connection } = session;
  const waiting = connection.outboxSize();
  const submission = connection.refusedSubmission;
  const refused = submission && submission.kind === kind ? submission.reply : undefined;
  return (
    <>
      {waiting > 0 && (
        <p class="pending" role="status">
          {connection.busyLong ? m.pendingBusy(waiting) : m.pendingAnswers(waiting)}
        </p>
      )}
      {refused && !refused.ok && (
        <Notice onClose={() => connection.forgetRefusal()}>
          {m.answerRefused} {rejectionText(m, refused.code)}
        </Notice>
      )}
    </>
  );
}
