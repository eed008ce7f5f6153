import { useEffect, useRef } from 'preact/hooks';
import { formatPersonalCode } from '../../ui/personalCode';
import { useConsoleMessages } from './messages';

// Someone's identity given back (ResetPersonalCode, for a person whose phone is lost): their new
// personal code, big, to read out or show, with what to do with it on the new phone. Their old
// code no longer works. Brought into view and focused, since it answers a click further up.
export function NewPersonalCode({ name, code, onDone }: { name: string; code: string; onDone: () => void }) {
  const m = useConsoleMessages();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.focus();
  }, [code]);
  return (
    <div class="new-code" role="group" aria-labelledby="new-code-title" tabIndex={-1} ref={box}>
      <h3 id="new-code-title" class="said name">
        {m.newCodeOf(name)}
      </h3>
      <p class="personal-code">{formatPersonalCode(code)}</p>
      <p>{m.newCodeHow}</p>
      <button type="button" onClick={onDone}>
        {m.done}
      </button>
    </div>
  );
}
