/**
 * Time as the WeChat adapter sees it. Injectable so tests can drive pacing without waiting;
 * the default looks the globals up at call time, so vitest's fake timers also work.
 */

/** The timer functions the adapter uses; `now` is milliseconds since the epoch. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. Globals are read on every call (not captured) so fake timers installed later apply. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Resolves after `ms` on `clock`; `cancel()` resolves it at once (used to cut a wait short on stop). */
export function sleep(clock: Clock, ms: number): { done: Promise<void>; cancel: () => void } {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    const handle = clock.setTimeout(resolve, Math.max(0, ms));
    finish = () => {
      clock.clearTimeout(handle);
      resolve();
    };
  });
  return { done, cancel: finish };
}
