/**
 * Time as the bot's waits see it: the wall clock and an abortable sleep on
 * `node:timers/promises`. Code that waits takes a {@link Clock}, so tests drive time with a
 * manual clock (test/doubles/manual-clock.ts); vitest's fake timers do not reach
 * `node:timers/promises`.
 */
import { setTimeout as wait } from 'node:timers/promises';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Resolves after `ms`, or as soon as `signal` aborts: an abort ends the wait early rather
   * than failing it, and the caller checks `signal.aborted` to tell the two apart.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** {@link Clock.sleep} on the real timers. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return;
  try {
    await wait(ms, undefined, { signal });
  } catch (error) {
    // The abort is how a wait is cut short on purpose (at stop); anything else is a fault.
    if (!signal?.aborted) throw error;
  }
}

/** The real clock. */
export const systemClock: Clock = { now: () => Date.now(), sleep };

/** True when `done` settles within `ms` on `clock`; the timer never outlives the wait. */
export async function settlesWithin(done: Promise<unknown>, ms: number, clock: Clock = systemClock): Promise<boolean> {
  const timer = new AbortController();
  const settled = done.then(
    () => true,
    () => true,
  );
  const result = await Promise.race([settled, clock.sleep(ms, timer.signal).then(() => false)]);
  timer.abort();
  return result;
}
