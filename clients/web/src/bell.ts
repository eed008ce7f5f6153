// The bell: a sound made on the spot with Web Audio (no file to fetch), a vibration, and a
// flash of the screen. Devices ring at a moment in server time (a timer's end, or a bell's
// `at`), converted with the measured clock offset, so every phone in the room rings together.

import { activities } from './activities/registry';
import { Scope_Kind } from './gen/campana/v1/common_enums';
import { DocKind, Timer_State } from './gen/campana/v1/docs_enums';
import type { Clock } from './net/clock';
import type { View } from './state/view';

// A bell that should have rung this long ago is not rung late: the moment has passed.
const staleAfterMs = 3000;

export interface RingRecord {
  key: string;
  at: number; // true wall-clock time it rang (performance clock, not the page's Date)
  serverAt: number;
  late: number; // how long after its planned moment (by this page's clock estimate) it rang
}

declare global {
  interface Window {
    campanaBells?: RingRecord[];
  }
}

let audio: AudioContext | undefined;

// Browsers let pages make sound only after a tap: call this from one.
export function unlockSound(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    audio = undefined;
  }
}

export function soundUnlocked(): boolean {
  return audio?.state === 'running';
}

function playBell(): void {
  if (!audio || audio.state !== 'running') return;
  const now = audio.currentTime;
  const out = audio.createGain();
  out.gain.value = 0.6;
  out.connect(audio.destination);
  // A struck bell: a fundamental and inharmonic partials, each dying away.
  for (const [ratio, level, decay] of [
    [1, 0.6, 2.2],
    [2.76, 0.3, 1.4],
    [5.4, 0.18, 0.8],
    [8.93, 0.1, 0.5],
  ] as const) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 660 * ratio;
    gain.gain.setValueAtTime(level, now);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + decay);
    osc.connect(gain).connect(out);
    osc.start(now);
    osc.stop(now + decay);
  }
}

export interface RingOptions {
  vibrate: boolean;
  sound: boolean;
  // Which timers and bells this device rings for (the projector skips single groups').
  rings: (scope: Scope_Kind) => boolean;
  // Whose race penalties end with a bell here (a phone: its own team's).
  ringsForTeam?: (teamId: number, view: View) => boolean;
  onRing: () => void;
}

// Keeps one timeout per bell to come, rescheduled whenever the view or the clock changes.
export class BellScheduler {
  private timeouts = new Map<string, number>();
  private rung = new Set<string>();
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly view: View,
    private readonly clock: Clock,
    private readonly options: RingOptions,
  ) {}

  start(): void {
    this.unsubscribe.push(this.view.subscribe(() => this.schedule()));
    this.unsubscribe.push(this.clock.onChange(() => this.schedule()));
    this.schedule();
  }

  stop(): void {
    this.unsubscribe.forEach((u) => u());
    this.timeouts.forEach((t) => window.clearTimeout(t));
    this.timeouts.clear();
  }

  private due(): Map<string, number> {
    const due = new Map<string, number>();
    for (const timer of this.view.docs(DocKind.TIMER)) {
      if (!this.options.rings(timer.scope?.kind ?? Scope_Kind.ROOM)) continue;
      if (timer.state === Timer_State.RUNNING || timer.state === Timer_State.EXPIRED) {
        due.set(`timer:${timer.id}:${timer.endsAtMs}`, Number(timer.endsAtMs));
      }
    }
    for (const bell of this.view.docs(DocKind.BELL)) {
      const scope = bell.scope ?? { kind: Scope_Kind.ROOM, id: 0 };
      if (!this.options.rings(scope.kind)) continue;
      due.set(`bell:${scope.kind}-${scope.id}:${bell.seq}`, Number(bell.atMs));
    }
    // Each activity's own moments: the race's countdowns, a speaker's time, the card sort's end.
    const forTeam = (teamId: number) => this.options.ringsForTeam?.(teamId, this.view) ?? true;
    for (const activity of activities) {
      for (const [key, atMs] of activity.bells?.(this.view, forTeam) ?? []) due.set(key, atMs);
    }
    return due;
  }

  private schedule(): void {
    const due = this.due();
    for (const [key, timeout] of this.timeouts) {
      window.clearTimeout(timeout);
      if (!due.has(key)) this.timeouts.delete(key);
    }
    for (const [key, serverAt] of due) {
      if (this.rung.has(key)) continue;
      const delay = this.clock.localTimeOf(serverAt) - Date.now();
      if (delay < -staleAfterMs) {
        this.rung.add(key); // already past when we learned of it (a snapshot, a late phone)
        continue;
      }
      this.timeouts.set(
        key,
        window.setTimeout(() => this.ring(key, serverAt), Math.max(0, delay)),
      );
    }
  }

  private ring(key: string, serverAt: number): void {
    this.timeouts.delete(key);
    if (this.rung.has(key)) return;
    this.rung.add(key);
    const at = performance.timeOrigin + performance.now();
    const late = Date.now() - this.clock.localTimeOf(serverAt);
    (window.campanaBells ??= []).push({ key, at, serverAt, late });
    if (this.options.sound) playBell();
    if (this.options.vibrate && 'vibrate' in navigator) navigator.vibrate([250, 100, 250]);
    this.options.onRing();
  }
}
