// How far this device's clock is from the server's, from Ping/Pong round trips. A sample's
// offset is off by at most half its round trip (the unknown split of the trip), so the
// estimate is the fastest recent sample's: the median of those within `slackMs` of the fastest
// (the clock reads whole milliseconds). An earlier rule, the median of the three fastest, let
// a page that had one fast trip among slow ones (a page busy drawing, a machine under load)
// take a sample 40 ms slow, 20 ms off, and ring late (tests/e2e/bell.test.mjs).

interface Sample {
  offset: number;
  rtt: number;
}

const kept = 12;
const slackMs = 2;

export class Clock {
  private samples: Sample[] = [];
  private estimate = 0;
  private listeners = new Set<() => void>();

  // A Pong for a Ping sent at `sentAt` (local ms), answered at `serverTime`, received now.
  addSample(sentAt: number, serverTime: number, receivedAt: number = Date.now()): void {
    const rtt = receivedAt - sentAt;
    if (rtt < 0 || rtt > 30_000) return;
    this.samples.push({ offset: serverTime + rtt / 2 - receivedAt, rtt });
    if (this.samples.length > kept) this.samples.shift();
    const fastest = Math.min(...this.samples.map((s) => s.rtt));
    const offsets = this.samples
      .filter((s) => s.rtt <= fastest + slackMs)
      .map((s) => s.offset)
      .sort((a, b) => a - b);
    const next = offsets[Math.floor(offsets.length / 2)] ?? 0;
    if (Math.abs(next - this.estimate) > 1) {
      this.estimate = next;
      this.listeners.forEach((l) => l());
    }
  }

  // A rough first estimate from the Welcome, before any Pong.
  seed(serverTime: number): void {
    if (this.samples.length === 0) this.estimate = serverTime - Date.now();
  }

  // Forgets old samples: after the device slept, its clock may have been adjusted.
  forget(): void {
    this.samples = [];
  }

  offset(): number {
    return this.estimate;
  }

  serverNow(): number {
    return Date.now() + this.estimate;
  }

  // Local Date.now() time at which the server's clock reads `serverTime`.
  localTimeOf(serverTime: number): number {
    return serverTime - this.estimate;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  bestRoundTrip(): number | undefined {
    return this.samples.length ? Math.min(...this.samples.map((s) => s.rtt)) : undefined;
  }
}
