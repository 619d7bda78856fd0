/**
 * The one rate limiter: at most `limit` hits per key in any `windowMs`, counted on the one
 * sliding window ({@link createSlidingWindow}). The first hit over the limit gets `notice`
 * (say so once), the rest `silent` until the window has room again. The core limits each
 * conversation with it; the WeChat adapter limits rooms and the account's daily volume with
 * it. Memory stays flat: at most `maxKeys` keys are tracked (least recently seen dropped
 * first), each forgotten a window after its last hit.
 */
import { LRUCache } from 'lru-cache';
import { MINUTE_MS } from '../time/durations.js';
import type { Clock } from '../time/clock.js';
import { createSlidingWindow } from './sliding-window.js';

/** `ok`: go ahead (counted); `notice`: over the limit, say so once; `silent`: over, already said. */
export type Admission = 'ok' | 'notice' | 'silent';

/** What the core's rate-limit step needs: this limiter, or one shared by instances (Redis). */
export interface Admitter {
  /** Counts a hit of `key` and says how to treat it. */
  admit(key: string): Admission | Promise<Admission>;
}

export interface RateLimiter extends Admitter {
  /** Counts a hit of `key` and says how to treat it. */
  admit(key: string): Admission;
  /** True when a hit of `key` would be admitted now; counts nothing. */
  hasRoom(key: string): boolean;
}

export interface RateLimiterOptions {
  /** Hits per key per window; 0 (or less) admits everything. */
  limit: number;
  /** The window's length; a minute by default. */
  windowMs?: number;
  /** Keys tracked at most (least recently seen forgotten first); 50,000 by default. */
  maxKeys?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

/** Creates a limiter with empty windows. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = options.windowMs ?? MINUTE_MS;
  const maxKeys = options.maxKeys ?? 50_000;
  if (options.limit <= 0) return { admit: () => 'ok', hasRoom: () => true };
  const admitted = createSlidingWindow({ windowMs, maxKeys, clock: options.clock });
  // Keys told they are over, until they are admitted again: within a window of the notice
  // the oldest admitted hit has left, so the key's next hit is admitted and clears it.
  const noticed = new LRUCache<string, true>({ max: maxKeys });
  return {
    admit(key) {
      if (admitted.count(key) < options.limit) {
        admitted.hit(key);
        noticed.delete(key);
        return 'ok';
      }
      if (noticed.get(key)) return 'silent';
      noticed.set(key, true);
      return 'notice';
    },
    hasRoom: (key) => admitted.count(key) < options.limit,
  };
}
