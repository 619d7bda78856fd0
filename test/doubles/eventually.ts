/**
 * Waiting in tests for something another process or connection does in its own time: polls
 * `probe` until it gives a truthy value (returned) or `timeoutMs` has passed (throws).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export async function eventually<T>(probe: () => T | Promise<T>, timeoutMs = 10_000, everyMs = 20): Promise<Exclude<T, false | undefined | null | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Exclude<T, false | undefined | null | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
