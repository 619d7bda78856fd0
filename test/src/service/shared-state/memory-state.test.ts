import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../../src/service/shared-state/memory-state.js';
import { createManualClock } from '../../../doubles/manual-clock.js';

describe('memory cache', () => {
  it('a claim is won once and keeps the winner\'s value (default "1")', async () => {
    const cache = createMemoryCache();
    expect(await cache.claim('msg:1', 1_000)).toBe(true);
    expect(await cache.get('msg:1')).toBe('1');
    expect(await cache.claim('pair:1', 1_000, 'digest-a')).toBe(true);
    expect(await cache.claim('pair:1', 1_000, 'digest-b')).toBe(false);
    expect(await cache.get('pair:1')).toBe('digest-a');
  });

  it('counts expiry on the clock it is given', async () => {
    const clock = createManualClock();
    const cache = createMemoryCache({ clock });
    await cache.claim('msg:1', 60_000);
    await cache.set('token', 'abc', 60_000);
    await clock.advance(59_999);
    expect(await cache.claim('msg:1', 60_000)).toBe(false);
    expect(await cache.get('token')).toBe('abc');
    await clock.advance(2); // past the ttl
    expect(await cache.get('token')).toBeUndefined();
    expect(await cache.claim('msg:1', 60_000)).toBe(true);
  });
});
