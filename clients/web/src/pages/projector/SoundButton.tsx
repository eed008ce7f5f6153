import { useState } from 'preact/hooks';
import { soundUnlocked, unlockSound } from '../../bell';
import { useProjectorMessages } from './messages';

// Browsers let a page play sound only after someone clicks on it (the autoplay rule), so the
// projector says so, in words, until someone does; the screen flashes at every bell anyway.
export function SoundButton() {
  const m = useProjectorMessages();
  const [on, setOn] = useState(soundUnlocked());
  if (on) return <span class="sound-on">{m.soundReady}</span>;
  return (
    <button
      type="button"
      class="sound-hint"
      onClick={() => {
        unlockSound();
        setOn(true);
      }}
    >
      <svg class="bell-icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 2a1.5 1.5 0 0 0-1.5 1.5v.7A6.5 6.5 0 0 0 5.5 10.5V16l-2 2v1h17v-1l-2-2v-5.5a6.5 6.5 0 0 0-5-6.3v-.7A1.5 1.5 0 0 0 12 2Zm-2 18a2 2 0 0 0 4 0Z" />
      </svg>
      {m.soundHint}
    </button>
  );
}
