import { useEffect, useRef, useState } from 'preact/hooks';
import { Presence } from '../../gen/campana/v1/common_enums';
import { RejectionCode } from '../../gen/campana/v1/wire_enums';
import { rejectionText } from '../../i18n/i18n';
import { unlockSound } from '../../bell';
import type { Connection } from '../../net/connection';
import { Notice } from '../../ui/Chrome';
import { loadViews } from '../../ui/lazyView';
import { cleanText } from '../../ui/text';
import { CodeJoinForm } from './CodeJoinForm';
import { JoinFormEnd } from './JoinFormEnd';
import { JoinedView } from './joinedView';
import { usePhoneMessages } from './messages';

// The newcomer's form (a name, in the room or online), or, a tap away, the form of someone
// already in from another phone (CodeJoinForm); or, for a device kept out, why it cannot join.
export function JoinForm({ connection }: { connection: Connection }) {
  const m = usePhoneMessages();
  const [withCode, setWithCode] = useState(false);
  const [name, setName] = useState('');
  const [presence, setPresence] = useState(Presence.IN_ROOM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [, setTick] = useState(0);
  // Back from the code's form, focus is where it was: on the button that opened it.
  const other = useRef<HTMLButtonElement>(null);
  const back = useRef(false);
  useEffect(() => {
    if (!withCode && back.current) other.current?.focus();
    back.current = false;
  }, [withCode]);

  const submit = async (event: Event) => {
    event.preventDefault();
    unlockSound(); // the tap that lets this phone ring the bell later
    setBusy(true);
    setError('');
    void loadViews([JoinedView]); // the joined page's code comes while the Join is answered
    const reply = await connection.join(cleanText(name), presence);
    setBusy(false);
    // Kept out: the card below says so, calmly, instead of an error under the form.
    if (!reply.ok && reply.code !== RejectionCode.REMOVED) setError(rejectionText(m, reply.code));
  };

  if (connection.keptOut) {
    return (
      <section class="card kept-out" aria-labelledby="kept-out">
        <h2 id="kept-out">{m.keptOutTitle}</h2>
        <p>{m.keptOutText}</p>
        <button
          type="button"
          onClick={() => {
            connection.forgetKeptOut();
            setTick((n) => n + 1);
          }}
        >
          {m.tryAgain}
        </button>
      </section>
    );
  }

  if (withCode) {
    const onNewcomer = () => {
      back.current = true;
      setWithCode(false);
    };
    return <CodeJoinForm connection={connection} onNewcomer={onNewcomer} />;
  }

  return (
    <form class="card join" onSubmit={(e) => void submit(e)}>
      {connection.removed && <Notice>{m.removed}</Notice>}
      <label class="field">
        <span>{m.yourName}</span>
        <input
          name="name"
          autoComplete="nickname"
          maxLength={80}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          required
        />
      </label>
      <fieldset class="choice">
        <legend>{m.whereAreYou}</legend>
        <label>
          <input
            type="radio"
            name="presence"
            checked={presence === Presence.IN_ROOM}
            onChange={() => setPresence(Presence.IN_ROOM)}
          />
          {m.inRoom}
        </label>
        <label>
          <input
            type="radio"
            name="presence"
            checked={presence === Presence.REMOTE}
            onChange={() => setPresence(Presence.REMOTE)}
          />
          {m.remote}
        </label>
      </fieldset>
      <JoinFormEnd
        connection={connection}
        busy={busy}
        error={error}
        submitLabel={m.join}
        otherLabel={m.alreadyIn}
        onOther={() => setWithCode(true)}
        otherRef={other}
      />
    </form>
  );
}
