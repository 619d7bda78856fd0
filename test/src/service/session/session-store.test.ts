import { describe, expect, it } from 'vitest';
import { createMemorySessionStore } from '../../../../src/service/session/session-store.js';
import { createManualClock } from '../../../doubles/manual-clock.js';

describe('memory session store', () => {
  it('forgets a conversation after the idle time', async () => {
    const clock = createManualClock(1_000);
    const store = createMemorySessionStore({ idleMs: 10 * 60_000, clock });
    await store.write('c', { topic: 'legal-aid' });
    await clock.advance(9 * 60_000);
    expect(await store.read('c')).toEqual({ topic: 'legal-aid' });
    await clock.advance(10 * 60_000 + 1);
    expect(await store.read('c')).toBeUndefined();
  });
  it('keeps at most max conversations, dropping the least recently used', async () => {
    const store = createMemorySessionStore({ idleMs: 60_000, max: 2 });
    await store.write('a', { topic: 'a' });
    await store.write('b', { topic: 'b' });
    await store.read('a');
    await store.write('c', { topic: 'c' });
    expect(await store.read('b')).toBeUndefined();
    expect(await store.read('a')).toEqual({ topic: 'a' });
  });
});
