import type { Ref } from 'preact';
import type { Connection } from '../../net/connection';
import { Notice } from '../../ui/Chrome';
import { usePhoneMessages } from './messages';

// The end of both ways in (by name, by personal code): the wait, the error, the big button and
// the link to the other way.
export function JoinFormEnd({
  connection,
  busy,
  error,
  submitLabel,
  otherLabel,
  onOther,
  otherRef,
}: {
  connection: Connection;
  busy: boolean;
  error: string;
  submitLabel: string;
  otherLabel: string;
  onOther: () => void;
  otherRef?: Ref<HTMLButtonElement>;
}) {
  const m = usePhoneMessages();
  return (
    <>
      {busy && connection.busyLong && (
        <p class="pending" role="status">
          {m.stillJoining}
        </p>
      )}
      {error && <Notice>{error}</Notice>}
      <button type="submit" class="primary big" disabled={busy} data-primary>
        {busy ? m.joining : submitLabel}
      </button>
      <p class="join-other">
        <button type="button" class="link" ref={otherRef} onClick={onOther}>
          {otherLabel}
        </button>
      </p>
    </>
  );
}
