/**
 * Per-conversation rate limit of the core, for every adapter: at most `perMinute` messages
 * in any 60 seconds. The first message over the limit gets one polite notice, the rest
 * silence until the window has room again. Memory stays flat: at most `maxConversations`
 * are tracked (least recently seen dropped first), each forgotten a minute after its last
 * message.
 */
import { LRUCache } from 'lru-cache';

/** `ok`: answer; `notice`: send the one notice; `silent`: send nothing. */
export type Admission = 'ok' | 'notice' | 'silent';

export interface RateLimiter {
  /** Counts a message of `key` and says how to treat it. */
  admit(key: string): Admission;
}

export interface RateLimiterOptions {
  perMinute: number;
  maxConversations?: number;
  now?: () => number;
}

const WINDOW_MS = 60_000;

interface Track {
  /** Times of the admitted messages within the window, oldest first. */
  times: number[];
  noticed: boolean;
}

/** Creates a limiter; `perMinute` 0 (or less) admits everything. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  if (options.perMinute <= 0) return { admit: () => 'ok' };
  const tracks = new LRUCache<string, Track>({
    max: options.maxConversations ?? 50_000,
    ttl: WINDOW_MS,
    ttlResolution: 0,
    perf: { now },
  });
  return {
    admit(key) {
      const at = now();
      const track = tracks.get(key) ?? { times: [], noticed: false };
      while (track.times.length > 0 && (track.times[0] as number) <= at - WINDOW_MS) track.times.shift();
      let verdict: Admission;
      if (track.times.length < options.perMinute) {
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
  };
}
