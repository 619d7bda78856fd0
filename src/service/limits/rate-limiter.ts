/**
 * The one sliding-window rate limiter: at most `limit` hits per key in any `windowMs`. The
 * first hit over the limit gets `notice` (say so once), the rest `silent` until the window
 * has room again. The core limits each conversation with it; the WeChat adapter limits
 * rooms and the account's daily volume with it. Memory stays flat: at most `maxKeys` keys
 * are tracked (least recently seen dropped first), each forgotten a window after its last hit.
 */
import { LRUCache } from 'lru-cache';
import { MINUTE_MS } from '../time/durations.js';
import { systemClock, type Clock } from '../time/clock.js';

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

interface Track {
  /** Times of the admitted hits within the window, oldest first. */
  times: number[];
  noticed: boolean;
}

/** Creates a limiter with empty windows. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const windowMs = options.windowMs ?? MINUTE_MS;
  if (options.limit <= 0) return { admit: () => 'ok', hasRoom: () => true };
  const tracks = new LRUCache<string, Track>({
    max: options.maxKeys ?? 50_000,
    ttl: windowMs,
    ttlResolution: 0,
    perf: { now },
  });
  const current = (key: string, at: number): Track => {
    const track = tracks.get(key) ?? { times: [], noticed: false };
    while (track.times.length > 0 && (track.times[0] as number) <= at - windowMs) track.times.shift();
    return track;
  };
  return {
    admit(key) {
      const at = now();
      const track = current(key, at);
      let verdict: Admission;
      if (track.times.length < options.limit) {
        track.times.push(at);
        track.noticed = false;
        verdict = 'ok';
      } else {
        verdict = track.noticed ? 'silent' : 'notice';
        track.noticed = true;
      }
      tracks.set(key, track);
      return verdict;
    },
    hasRoom(key) {
      const track = tracks.get(key);
      return !track || current(key, now()).times.length < options.limit;
    },
  };
}
