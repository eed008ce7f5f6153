import { useEffect, useRef, useState } from 'preact/hooks';
import { Presence } from '../../gen/campana/v1/common_enums';
import { RejectionCode } from '../../gen/campana/v1/wire_enums';
import { rejectionText } from '../../i18n/i18n';
import { unlockSound } from '../../bell';
import type { Connection } from '../../net/connection';
import { loadViews } from '../../ui/lazyView';
import { isPersonalCode, normalizePersonalCode } from '../../ui/personalCode';
import { JoinFormEnd } from './JoinFormEnd';
import { JoinedView } from './joinedView';
import { usePhoneMessages } from './messages';

// Someone already in the workshop from another phone (one that died, a second day on another
// device): the personal code that phone showed, or a facilitator gave them, makes this phone
// them, with no name to type. The server reads the code in any case, with or without its dash.
export function CodeJoinForm({ connection, onNewcomer }: { connection: Connection; onNewcomer: () => void }) {
  const m = usePhoneMessages();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const field = useRef<HTMLInputElement>(null);
  // Asked for with a tap: the field is where the person goes next.
  useEffect(() => field.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    unlockSound(); // the tap that lets this phone ring the bell later
    if (!isPersonalCode(code)) {
      setError(m.codeShape);
      return;
    }
    setBusy(true);
    setError('');
    void loadViews([JoinedView]); // the joined page's code comes while the Join is answered
    const reply = await connection.join('', Presence.UNSPECIFIED, normalizePersonalCode(code));
    setBusy(false);
    if (reply.ok || reply.code === RejectionCode.REMOVED) return; // kept out: JoinForm's card says so
    setError(reply.code === RejectionCode.NOT_FOUND ? m.codeNobodys : rejectionText(m, reply.code));
  };

  return (
    <form class="card join" onSubmit={(e) => void submit(e)}>
      <label class="field">
        <span>{m.yourCode}</span>
        <input
          ref={field}
          name="personal-code"
          class="code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={16}
          value={code}
          aria-describedby="code-hint"
          onInput={(e) => setCode(e.currentTarget.value)}
          required
        />
      </label>
      <p id="code-hint" class="muted">
        {m.yourCodeHint}
      </p>
      <JoinFormEnd
        connection={connection}
        busy={busy}
        error={error}
        submitLabel={m.joinWithCode}
        otherLabel={m.joinWithName}
        onOther={onNewcomer}
      />
    </form>
  );
}
