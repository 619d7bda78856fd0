/**
 * The one sliding-window counter: how many hits a key had in the last `windowMs`, a hit
 * forgotten once it is `windowMs` old (a hit at `t` counts until `t + windowMs`, exclusive).
 * Behind the rate limiter (the core's limit per conversation, WeChat's rooms and account cap,
 * and the Redis limit while Redis is away), the staff lock-out and the chat adapters' send
 * pacer (adapters/shared/send-pacer.ts). The Redis limit counts the
 * same window in Redis itself (a sorted set pruned at the same boundary, in one script), since
 * instances must count together atomically; a test holds the two to the same verdicts.
 *
 * Memory stays flat: at most `maxKeys` keys (least recently seen dropped first), each
 * forgotten a window after its last hit.
 */
import { LRUCache } from 'lru-cache';
import { systemClock, type Clock } from '../time/clock.js';

export interface SlidingWindow {
  /** Hits of `key` within the window ending now; counts nothing. */
  count(key: string): number;
  /** Counts a hit of `key` now; returns the hits within the window, this one included. */
  hit(key: string): number;
  /** When `key` next has fewer than `limit` hits in its window: now, or when enough of them age out. */
  roomAt(key: string, limit: number): number;
  /** Forgets the hits of `key`. */
  forget(key: string): void;
}

export interface SlidingWindowOptions {
  windowMs: number;
  /** Keys tracked at most, least recently seen forgotten first. */
  maxKeys: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

/** Creates a counter with every window empty. */
export function createSlidingWindow(options: SlidingWindowOptions): SlidingWindow {
  const { windowMs } = options;
  const clock = options.clock ?? systemClock;
  // Times of the hits within the window, oldest first. Read on the given clock at every
  // check (lru-cache would otherwise reuse a reading for a millisecond of real time).
  const hits = new LRUCache<string, number[]>({ max: options.maxKeys, ttl: windowMs, ttlResolution: 0, perf: { now: () => clock.now() } });
  const within = (key: string, at: number): number[] => {
    const times = hits.get(key) ?? [];
    while (times.length > 0 && (times[0] as number) <= at - windowMs) times.shift();
    return times;
  };
  return {
    count: (key) => within(key, clock.now()).length,
    hit(key) {
      const at = clock.now();
      const times = within(key, at);
      times.push(at);
      hits.set(key, times);
      return times.length;
    },
    roomAt(key, limit) {
      const now = clock.now();
      const times = within(key, now);
      return times.length < limit ? now : (times[times.length - limit] as number) + windowMs;
    },
    forget: (key) => void hits.delete(key),
  };
}
