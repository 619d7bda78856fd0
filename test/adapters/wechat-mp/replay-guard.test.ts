import { describe, expect, it } from 'vitest';
import { createReplayGuard } from '../../../adapters/wechat-mp/replay-guard.js';
import { createMemoryCache } from '../../../src/shared/memory-state.js';
import type { SharedCache } from '../../../src/shared/shared-state.js';

const window = { replayWindowSeconds: 300, clockSkewSeconds: 60 };

/** Redis unreachable: the shared claim cannot tell, so it lets every caller go ahead. */
const unreachable: SharedCache = {
  get: async () => undefined,
  set: async () => undefined,
  claim: async () => true,
  delete: async () => undefined,
};

describe('replay guard: a signed URL serves once', () => {
  it('refuses a (timestamp, nonce) seen before, and tells apart pairs that differ in either part', async () => {
    const guard = createReplayGuard({ ...window, shared: createMemoryCache() });
    expect(await guard.firstUse('1700000000', '111')).toBe(true);
    expect(await guard.firstUse('1700000000', '111')).toBe(false);
    expect(await guard.firstUse('1700000000', '112')).toBe(true);
    expect(await guard.firstUse('1700000001', '111')).toBe(true);
  });

  it('refuses a pair another instance used (the shared cache says so)', async () => {
    const shared = createMemoryCache();
    const here = createReplayGuard({ ...window, shared });
    const there = createReplayGuard({ ...window, shared });
    expect(await there.firstUse('1700000000', '222')).toBe(true);
    expect(await here.firstUse('1700000000', '222')).toBe(false);
  });

  it('still refuses a reuse on this instance while Redis cannot answer', async () => {
    const guard = createReplayGuard({ ...window, shared: unreachable });
    expect(await guard.firstUse('1700000000', '333')).toBe(true);
    expect(await guard.firstUse('1700000000', '333')).toBe(false);
  });

  it('remembers each pair for the window plus the skew, in the shared cache too', async () => {
    const ttls: number[] = [];
    const shared: SharedCache = { ...unreachable, claim: async (_key, ttlMs) => (ttls.push(ttlMs), true) };
    await createReplayGuard({ replayWindowSeconds: 120, clockSkewSeconds: 10, shared }).firstUse('1700000000', '444');
    expect(ttls).toEqual([131_000]);
  });
});
