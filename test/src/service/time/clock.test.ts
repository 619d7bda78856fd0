import { describe, expect, it } from 'vitest';
import { settlesWithin, sleep, systemClock } from '../../../../src/service/time/clock.js';
import { createManualClock } from '../../../doubles/manual-clock.js';

describe('sleep', () => {
  it('waits on the real timers, and an abort ends the wait early without failing it', async () => {
    const started = Date.now();
    await sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    const stop = new AbortController();
    const waiting = systemClock.sleep(60_000, stop.signal);
    stop.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(sleep(60_000, stop.signal)).resolves.toBeUndefined(); // already aborted: no wait at all
  });

  it('tells whether a promise settled within a time, on any clock', async () => {
    const clock = createManualClock();
    let finish = () => {};
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const verdict = settlesWithin(slow, 1_000, clock);
    await clock.advance(999);
    finish();
    expect(await verdict).toBe(true);

    const never = settlesWithin(new Promise(() => {}), 1_000, clock);
    await clock.advance(1_000);
    expect(await never).toBe(false);
    expect(clock.sleeping).toBe(0);
    expect(await settlesWithin(Promise.reject(new Error('x')), 10)).toBe(true);
  });
});
