import { Timer_State } from '../gen/campana/v1/docs_enums';
import { type Timer } from '../gen/campana/v1/docs_pb';
import { useMessages } from '../i18n/i18n';
import type { Clock } from '../net/clock';
import { useNow } from './useNow';

export function remainingMs(timer: Timer, clock: Clock): number {
  switch (timer.state) {
    case Timer_State.RUNNING:
      return Math.max(0, Number(timer.endsAtMs) - clock.serverNow());
    case Timer_State.EXPIRED:
      return 0;
    default:
      return timer.remainingMs;
  }
}

export function formatMs(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}

// A timer drawn from its end time and this device's clock offset: right after sleep, right
// on every phone.
export function Countdown({ timer, clock, size = 'normal' }: { timer: Timer; clock: Clock; size?: 'normal' | 'huge' }) {
  useNow(timer.state === Timer_State.RUNNING ? 200 : 1000);
  const m = useMessages();
  const left = remainingMs(timer, clock);
  const expired = timer.state === Timer_State.EXPIRED || (timer.state === Timer_State.RUNNING && left === 0);
  const label =
    timer.state === Timer_State.PAUSED
      ? m.paused
      : timer.state === Timer_State.IDLE
        ? m.ready
        : expired
          ? m.timeUp
          : '';
  return (
    <div
      class={`countdown countdown-${size} ${expired ? 'expired' : ''}`}
      role="timer"
      aria-label={`${timer.name}: ${formatMs(left)}`}
    >
      <span class="countdown-name">{timer.name}</span>
      <span class="countdown-time">{formatMs(left)}</span>
      {label && <span class="countdown-state">{label}</span>}
    </div>
  );
}
