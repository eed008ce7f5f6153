import { useEffect, useRef, useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n';
import { GuardedButton, type GuardedButtonProps } from './GuardedButton';

// An irreversible action asks once, in words, where the button was: the question, "yes, do it"
// and "cancel". Nothing is sent until the second click.
export function ConfirmButton({
  question,
  yes,
  onClick,
  ...button
}: GuardedButtonProps & { question: string; yes: string }) {
  const m = useMessages();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  if (!asking || button.why !== undefined) {
    return <GuardedButton {...button} onClick={() => setAsking(true)} />;
  }
  return (
    <div class="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <div class="buttons">
        <button
          type="button"
          class="danger"
          ref={confirm}
          onClick={() => {
            setAsking(false);
            onClick();
          }}
        >
          {yes}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}
