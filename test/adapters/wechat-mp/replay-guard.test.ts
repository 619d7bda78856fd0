import { describe, expect, it } from 'vitest';
import { createReplayGuard, rememberMs } from '../../../adapters/wechat-mp/replay-guard.js';
import { createMemoryCache } from '../../../src/service/shared-state/memory-state.js';
import type { SharedCache } from '../../../src/service/shared-state/shared-state.js';

const window = { replayWindowSeconds: 300, clockSkewSeconds: 60 };
const A = 'POST\n<xml><Content>你好</Content></xml>';
const B = 'POST\n<xml><Content>转人工</Content></xml>';

/** Redis unreachable: the shared claim cannot tell, so it lets every caller go ahead. */
const unreachable: SharedCache = {
  get: async () => undefined,
  set: async () => undefined,
  claim: async () => true,
  delete: async () => undefined,
};

describe('replay guard: a signed URL serves one request (its retries included)', () => {
  it('lets the same (timestamp, nonce) come again with the same body, refuses it with another, and tells pairs apart', async () => {
    const guard = createReplayGuard({ ...window, shared: createMemoryCache() });
    expect(await guard.admit('1700000000', '111', A)).toBe('first');
    expect(await guard.admit('1700000000', '111', A)).toBe('again');
    expect(await guard.admit('1700000000', '111', B)).toBe('refused');
    expect(await guard.admit('1700000000', '112', B)).toBe('first');
    expect(await guard.admit('1700000001', '111', B)).toBe('first');
  });

  it('refuses a forged body every time it comes, not only the first (its first refusal leaves no trace it could pass on)', async () => {
    const guard = createReplayGuard({ ...window, shared: createMemoryCache() });
    expect(await guard.admit('1700000000', '121', A)).toBe('first');
    expect(await guard.admit('1700000000', '121', B)).toBe('refused');
    expect(await guard.admit('1700000000', '121', B)).toBe('refused');
    expect(await guard.admit('1700000000', '121', A)).toBe('again');
  });

  it('across instances: the same body again is let through there, another body refused, however often', async () => {
    const shared = createMemoryCache();
    const here = createReplayGuard({ ...window, shared });
    const there = createReplayGuard({ ...window, shared });
    expect(await there.admit('1700000000', '222', A)).toBe('first');
    expect(await here.admit('1700000000', '222', A)).toBe('again');
    expect(await here.admit('1700000000', '223', B)).toBe('first');
    expect(await there.admit('1700000000', '223', A)).toBe('refused');
    // Refused there, yet there's own memory now holds A for that pair: the shared record still decides.
    expect(await there.admit('1700000000', '223', A)).toBe('refused');
    expect(await here.admit('1700000000', '222', B)).toBe('refused');
  });

  it('lets exactly one body through when several race for one pair on two instances', async () => {
    const shared = createMemoryCache();
    const guards = [createReplayGuard({ ...window, shared }), createReplayGuard({ ...window, shared })];
    const bodies = Array.from({ length: 20 }, (_, i) => `POST\n<xml><MsgId>${i % 5}</MsgId></xml>`);
    const verdicts = await Promise.all(bodies.map((body, i) => guards[i % 2]!.admit('1700000000', '555', body)));
    const admitted = new Set(bodies.filter((_, i) => verdicts[i] !== 'refused'));
    expect(admitted.size).toBe(1);
    expect(verdicts.filter((verdict) => verdict === 'first')).toHaveLength(1);
  });

  it('while Redis cannot answer, still refuses another body on this instance and lets the same one through', async () => {
    const guard = createReplayGuard({ ...window, shared: unreachable });
    expect(await guard.admit('1700000000', '333', A)).toBe('first');
    expect(await guard.admit('1700000000', '333', A)).toBe('again');
    expect(await guard.admit('1700000000', '333', B)).toBe('refused');
  });

  it('remembers each pair for the window plus the skew and a second, in the shared cache too, under a digest of its body', async () => {
    const claims: Array<[string, number, string | undefined]> = [];
    const shared: SharedCache = { ...unreachable, claim: async (key, ttlMs, value) => (claims.push([key, ttlMs, value]), true) };
    await createReplayGuard({ replayWindowSeconds: 120, clockSkewSeconds: 10, shared }).admit('1700000000', '444', A);
    expect(claims).toEqual([['wechat-mp:signed:1700000000:444', 131_000, expect.stringMatching(/^[0-9a-f]{64}$/)]]);
    expect(claims[0]?.[2]).not.toContain('你好');
    expect(rememberMs({ replayWindowSeconds: 120, clockSkewSeconds: 10 })).toBe(131_000);
  });
});
