/**
 * A signed URL serves one request. WeChat's `signature` covers only the token, the timestamp
 * and the nonce, not the body, so anyone who reads a used URL (a proxy's access log) could
 * send it again with a body of their own until the timestamp ages out. Each (timestamp,
 * nonce) is therefore bound, for as long as its timestamp would be accepted, to a SHA-256 of
 * the request it first came with: the same pair with the same request is WeChat's retry (or
 * an identical replay, harmless) and goes on to the message dedup, which answers it at most
 * once; the same pair with another request is refused. The binding lives in this process and
 * in the shared cache, which is Redis (`SET NX`) when instances share one, so it holds on any
 * instance.
 *
 * Why one claim whose value is the digest, and not a claim of `pair:digest` then one of
 * `pair`: with value-less claims a forged body that lost the pair has still taken its own
 * `pair:digest`, so the same forgery sent again finds that key taken and passes as "seen
 * before". Here the pair's one key is set together with the winner's digest in one atomic
 * step (Redis `SET key digest NX PX`), so whoever loses reads the winner's digest and nothing
 * else: no order of arrivals, on any number of instances, lets a second body through.
 */
import { createHash } from 'node:crypto';
import { createMemoryCache } from '../../src/service/shared-state/memory-state.js';
import type { SharedCache } from '../../src/service/shared-state/shared-state.js';
import type { Clock } from '../../src/service/time/clock.js';
import type { SignedWindow } from './signature.js';

/**
 * `first`: the pair's first request; `again`: the same pair with the same request (a retry);
 * `refused`: the pair was used with another request.
 */
export type ReplayVerdict = 'first' | 'again' | 'refused';

export interface ReplayGuard {
  /**
   * Binds (timestamp, nonce) to `request` (what the signature leaves out: the method and
   * the body, or a handshake's echostr) on first use; says whether this request may go on.
   */
  admit(timestamp: string, nonce: string, request: string): Promise<ReplayVerdict>;
}

export interface ReplayGuardOptions extends SignedWindow {
  /** What the instances share (Redis, or this process's memory when nothing is shared). */
  shared: SharedCache;
  /**
   * Pairs kept in this process (default 100,000, a few MB). Only verified requests enter, so
   * only WeChat's own traffic fills it: far more than an office's account sees in a window.
   */
  max?: number;
  /** The clock of this process's memory (tests pass their own); the shared cache counts its own. */
  clock?: Clock;
}

/**
 * How long a pair is remembered: first seen when its timestamp is `skew` ahead, it stays
 * acceptable for window + skew more; one second more covers rounding. Whatever must outlive
 * every accepted replay of a request (the message dedup) keeps at least this long.
 */
export function rememberMs(window: SignedWindow): number {
  return (window.replayWindowSeconds + window.clockSkewSeconds + 1) * 1000;
}

export function createReplayGuard(options: ReplayGuardOptions): ReplayGuard {
  const ttlMs = rememberMs(options);
  // The shared claim says "first" when Redis cannot answer (it never blocks a message on an
  // outage), so this process's own memory still refuses another body here meanwhile.
  const here = createMemoryCache({ max: options.max ?? 100_000, clock: options.clock });

  const bind = async (cache: SharedCache, key: string, digest: string): Promise<ReplayVerdict> => {
    if (await cache.claim(key, ttlMs, digest)) return 'first';
    // A get that fails reads as a miss: refused, the safe side (the pair's first request is
    // being answered anyway).
    return (await cache.get(key)) === digest ? 'again' : 'refused';
  };

  return {
    async admit(timestamp, nonce, request) {
      const key = `wechat-mp:signed:${timestamp}:${nonce}`;
      const digest = createHash('sha256').update(request).digest('hex');
      const local = await bind(here, key, digest);
      if (local === 'refused') return 'refused';
      // Asked even when this process knows the pair: another instance may have bound it to
      // another body first, and then this process's memory holds a refused one.
      const shared = await bind(options.shared, key, digest);
      if (shared === 'refused') return 'refused';
      return local === 'first' && shared === 'first' ? 'first' : 'again';
    },
  };
}
