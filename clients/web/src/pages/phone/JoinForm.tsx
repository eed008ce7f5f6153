import { useState } from 'preact/hooks';
import { Presence } from '../../gen/campana/v1/common_pb';
import { RejectionCode } from '../../gen/campana/v1/wire_pb';
import { rejectionText, useMessages } from '../../i18n/i18n';
import { unlockSound } from '../../bell';
import type { Connection } from '../../net/connection';
import { Notice } from '../../ui/Chrome';
import { cleanText } from '../../ui/text';

export function JoinForm({ connection }: { connection: Connection }) {
  const m = useMessages();
  const [name, setName] = useState('');
  const [presence, setPresence] = useState(Presence.IN_ROOM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [, setTick] = useState(0);

  const submit = async (event: Event) => {
    event.preventDefault();
    unlockSound(); // the tap that lets this phone ring the bell later
    setBusy(true);
    setError('');
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
      {busy && connection.busyLong && (
        <p class="pending" role="status">
          {m.stillJoining}
        </p>
      )}
      {error && <Notice>{error}</Notice>}
      <button type="submit" class="primary big" disabled={busy} data-primary>
        {busy ? m.joining : m.join}
      </button>
    </form>
  );
}
