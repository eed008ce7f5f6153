import type { Clock } from '../net/clock';
import { formatMs } from './Countdown';
import { useNow } from './useNow';

// Time left until a server-time deadline.
export function Deadline({ label, endsAtMs, clock }: { label: string; endsAtMs: number; clock: Clock }) {
  useNow(250);
  const left = Math.max(0, endsAtMs - clock.serverNow());
  return (
    <div class="countdown" role="timer" aria-label={`${label}: ${formatMs(left)}`}>
      <span class="countdown-name">{label}</span>
      <span class="countdown-time">{formatMs(left)}</span>
    </div>
  );
}

// m:ss.t
export function formatStopwatch(ms: number): string {
  const tenths = Math.floor(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = Math.floor((tenths % 600) / 10);
  return `${minutes}:${seconds.toString().padStart(2, '0')}.${tenths % 10}`;
}

// A stopwatch running since `startedAtMs` in server time, or showing `fixedMs`.
export function Stopwatch({
  startedAtMs,
  running,
  clock,
  big = false,
}: {
  startedAtMs: number;
  running: boolean;
  clock: Clock;
  big?: boolean;
}) {
  useNow(running ? 100 : 1000);
  const elapsed = running ? Math.max(0, clock.serverNow() - startedAtMs) : 0;
  return <span class={`stopwatch ${big ? 'huge' : ''} ${running ? 'running' : ''}`}>{formatStopwatch(elapsed)}</span>;
}
