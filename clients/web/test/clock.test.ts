import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Clock } from '../src/net/clock';

// Local time is fixed at 1,000,000 ms; a sample is a Ping sent `rtt` ms ago whose Pong says
// the server read `offset` ms ahead of us at the trip's midpoint.
const now = 1_000_000;
function sample(clock: Clock, offset: number, rtt: number): void {
  clock.addSample(now - rtt, now - rtt / 2 + offset, now);
}

beforeEach(() => {
  vi.useFakeTimers({ now });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Clock', () => {
  it('takes the offset of a round trip at its midpoint', () => {
    const clock = new Clock();
    sample(clock, 2500, 40);
    expect(clock.offset()).toBe(2500);
    expect(clock.serverNow()).toBe(now + 2500);
    expect(clock.localTimeOf(now + 2500 + 300)).toBe(now + 300);
    expect(clock.bestRoundTrip()).toBe(40);
  });

  it('trusts the fastest trip, not the slow ones', () => {
    const clock = new Clock();
    // Slow trips whose split was uneven, and fast ones around 1000.
    for (const [offset, rtt] of [
      [1900, 800],
      [1003, 20],
      [150, 900],
      [998, 24],
      [1010, 30],
      [2400, 1200],
    ] as const) {
      sample(clock, offset, rtt);
    }
    expect(clock.offset()).toBe(1003);
    expect(clock.bestRoundTrip()).toBe(20);
  });

  it('takes one fast trip over two slower ones that agree with each other', () => {
    // Seen in the bell test under load: trips of 5, 38 and 44 ms, the slower two both read
    // late by the page. Their median was 19 ms off; the fast trip is off by at most 2.5 ms.
    const clock = new Clock();
    sample(clock, 1700, 5);
    sample(clock, 1681, 38);
    sample(clock, 1679, 44);
    expect(clock.offset()).toBe(1700);
  });

  it('takes the median of the trips within 2 ms of the fastest', () => {
    const clock = new Clock();
    for (const [offset, rtt] of [
      [500, 6],
      [503, 7],
      [520, 8],
      [440, 9],
    ] as const) {
      sample(clock, offset, rtt);
    }
    expect(clock.offset()).toBe(503);
  });

  it('forgets a fast trip once twelve newer ones have come', () => {
    const clock = new Clock();
    sample(clock, -500, 5);
    for (let i = 0; i < 11; i++) sample(clock, 300, 50);
    expect(clock.bestRoundTrip()).toBe(5);
    sample(clock, 300, 50);
    expect(clock.bestRoundTrip()).toBe(50);
    expect(clock.offset()).toBe(300);
  });

  it('ignores an impossible trip: negative, or longer than 30 s', () => {
    const clock = new Clock();
    sample(clock, 100, 10);
    clock.addSample(now + 5, now + 9999, now);
    clock.addSample(now - 31_000, now + 9999, now);
    expect(clock.offset()).toBe(100);
    expect(clock.bestRoundTrip()).toBe(10);
  });

  it('is seeded by the Welcome only until the first Pong', () => {
    const clock = new Clock();
    clock.seed(now + 4000);
    expect(clock.offset()).toBe(4000);
    sample(clock, 250, 10);
    clock.seed(now - 9000);
    expect(clock.offset()).toBe(250);
  });

  it('after forget(), starts again from new samples', () => {
    const clock = new Clock();
    for (let i = 0; i < 3; i++) sample(clock, 700, 10);
    clock.forget();
    expect(clock.bestRoundTrip()).toBeUndefined();
    sample(clock, -300, 60);
    expect(clock.offset()).toBe(-300);
  });

  it('tells its listeners when the estimate moves by more than a millisecond', () => {
    const clock = new Clock();
    const seen: number[] = [];
    const leave = clock.onChange(() => seen.push(clock.offset()));
    sample(clock, 100, 10);
    sample(clock, 101, 10); // the median (of 100, 101) moves by 1 ms: no news
    sample(clock, 102, 12); // the median of 100, 101, 102: still 101
    sample(clock, 120, 5); // a faster trip: 120
    leave();
    sample(clock, 5000, 1);
    sample(clock, 5000, 1);
    expect(seen).toEqual([100, 120]);
    expect(clock.offset()).toBe(5000);
  });
});
