import { useState } from 'preact/hooks';
import { soundUnlocked, unlockSound } from '../../bell';
import { usePhoneMessages } from './messages';

// A browser lets a page ring and vibrate only after a tap on it. Joining was one; after a
// reload or a phone that slept, there has been none, so the page asks for it in words. The
// flash of the screen needs nothing and rings regardless.
export function SoundPrompt() {
  const m = usePhoneMessages();
  const [tapped, setTapped] = useState(false);
  if (tapped || soundUnlocked()) return null;
  return (
    <section class="card sound-prompt" aria-label={m.enableBell}>
      <p>{m.soundNeedsTap}</p>
      <button
        type="button"
        class="big"
        onClick={() => {
          unlockSound();
          setTapped(true);
        }}
      >
        {m.enableBell}
      </button>
    </section>
  );
}
