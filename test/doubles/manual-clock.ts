/**
 * A {@link Clock} that moves only when a test says so: `advance(ms)` wakes the sleepers due
 * in that time, in order, letting the work each one starts run (real I/O included) before
 * the next wakes. The way tests drive pacing, since fake timers do not reach
 * `node:timers/promises`.
 */
import { setImmediate as tick } from 'node:timers/promises';
import { sleep, type Clock } from '../../src/service/time/clock.js';

export interface ManualClock extends Clock {
  /** Moves time forward by `ms`, waking every sleeper due meanwhile. */
  advance(ms: number): Promise<void>;
  /** Sleepers still waiting. */
  readonly sleeping: number;
}

interface Sleeper {
  due: number;
  wake: () => void;
}

/**
 * A clock reading the test's own time (`now`), for code that only reads it; its sleeps are
 * real. Where something sleeps on the clock, use {@link createManualClock}.
 */
export function clockReading(now: () => number): Clock {
  return { now, sleep };
}

/** Lets promise chains and I/O started by a wake-up run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await tick();
}

export function createManualClock(start = 1_700_000_000_000): ManualClock {
  let now = start;
  const sleepers = new Set<Sleeper>();
  return {
    now: () => now,
    get sleeping() {
      return sleepers.size;
    },
    sleep(ms, signal) {
      if (ms <= 0 || signal?.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const sleeper: Sleeper = {
          due: now + ms,
          wake: () => {
            sleepers.delete(sleeper);
            signal?.removeEventListener('abort', sleeper.wake);
            resolve();
          },
        };
        sleepers.add(sleeper);
        signal?.addEventListener('abort', sleeper.wake, { once: true });
      });
    },
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        const next = [...sleepers].sort((a, b) => a.due - b.due)[0];
        if (!next || next.due > until) break;
        now = Math.max(now, next.due);
        next.wake();
        await settle();
      }
      now = until;
      await settle();
    },
  };
}
