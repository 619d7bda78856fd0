/**
 * A signed URL serves once. WeChat's `signature` covers only the token, the timestamp and the
 * nonce, not the body, so anyone who reads a used URL (a proxy's access log) could send it
 * again with a body of their own until the timestamp ages out. Each (timestamp, nonce) is
 * therefore remembered for as long as its timestamp would be accepted: in this process, and
 * in the shared cache, which is Redis (`SET NX PX`) when instances share one, so a reuse on
 * any instance is refused.
 */
import { createMemoryCache } from '../../src/shared/memory-state.js';
import type { SharedCache } from '../../src/shared/shared-state.js';
import type { SignedWindow } from './signature.js';

export interface ReplayGuard {
  /** True the first time this (timestamp, nonce) is seen within the window; false for a reuse. */
  firstUse(timestamp: string, nonce: string): Promise<boolean>;
}

export interface ReplayGuardOptions extends SignedWindow {
  /** What the instances share (Redis, or this process's memory when nothing is shared). */
  shared: SharedCache;
  /**
   * Pairs kept in this process (default 100,000, a few MB). Only verified requests enter, so
   * only WeChat's own traffic fills it: far more than an office's account sees in a window.
   */
  max?: number;
}

export function createReplayGuard(options: ReplayGuardOptions): ReplayGuard {
  // A pair first seen when its timestamp is `skew` ahead stays acceptable for window + skew
  // more; one second more covers rounding. Redis counts the expiry on its own clock, which is
  // fine: it is a duration.
  const rememberMs = (options.replayWindowSeconds + options.clockSkewSeconds + 1) * 1000;
  // The shared claim says "first" when Redis cannot answer (it never blocks a message on an
  // outage), so this process's own memory still refuses a reuse here meanwhile.
  const here = createMemoryCache(options.max ?? 100_000);
  return {
    async firstUse(timestamp, nonce) {
      const key = `wechat-mp:signed:${timestamp}:${nonce}`;
      if (!(await here.claim(key, rememberMs))) return false;
      return options.shared.claim(key, rememberMs);
    },
  };
}
