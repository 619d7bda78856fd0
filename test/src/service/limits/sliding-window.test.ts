import { describe, expect, it } from 'vitest';
import { createSlidingWindow } from '../../../../src/service/limits/sliding-window.js';
import { createManualClock } from '../../../doubles/manual-clock.js';

describe('sliding window', () => {
  it('counts the hits of the last windowMs; a hit leaves the window windowMs after it came', async () => {
    const clock = createManualClock(0);
    const window = createSlidingWindow({ windowMs: 1_000, maxKeys: 10, clock });
    expect(window.hit('a')).toBe(1);
    await clock.advance(400);
    expect(window.hit('a')).toBe(2);
    expect(window.count('a')).toBe(2);
    expect(window.count('a')).toBe(2); // counting counts nothing
    await clock.advance(599);
    expect(window.count('a')).toBe(2);
    await clock.advance(1);
    expect(window.count('a')).toBe(1);
    expect(window.count('b')).toBe(0);
    window.forget('a');
    expect(window.count('a')).toBe(0);
  });

  it('tracks a bounded number of keys, the least recently seen forgotten first', () => {
    const window = createSlidingWindow({ windowMs: 1_000, maxKeys: 2, clock: createManualClock(0) });
    window.hit('a');
    window.hit('b');
    window.hit('a');
    window.hit('c'); // drops b
    expect([window.count('a'), window.count('b'), window.count('c')]).toEqual([2, 0, 1]);
  });
});
