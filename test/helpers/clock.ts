import type { LiveClock } from '../../src/services/live';

/**
 * A clock for the live hub that only moves when the test says so: timers run in `advance`, never by
 * themselves, so what a test sees does not depend on how fast the machine is.
 */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  let timers: { at: number; run: () => void }[] = [];
  const clock: LiveClock & { advance(ms: number): void; waits(): number[] } = {
    now: () => now,
    schedule(run, ms) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => (timers = timers.filter((t) => t !== timer));
    },
    /** Moves time on by `ms`, running the timers that fall due, in order. */
    advance(ms) {
      const until = now + ms;
      for (let next = nextDue(until); next; next = nextDue(until)) {
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.run();
      }
      now = until;
    },
    /** How long each planned timer still waits, in ms. */
    waits: () => timers.map((t) => t.at - now),
  };
  const nextDue = (until: number) => timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
  return clock;
}
export type ManualClock = ReturnType<typeof manualClock>;
