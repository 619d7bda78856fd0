/**
 * Lock-out after repeated failed logins: a key (an account name, a client address) that
 * fails `maxFailures` times within `windowMs` is refused for `lockMs`, right password or
 * not. Failures are counted on the one sliding window ({@link createSlidingWindow}). Kept in
 * memory, bounded (least recently used keys forgotten first), so a flood of made-up names
 * cannot grow it.
 */
import { LRUCache } from 'lru-cache';
import { createSlidingWindow } from '../limits/sliding-window.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface LockoutOptions {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  /** Keys remembered at most. */
  maxKeys?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

export interface Lockout {
  /** Milliseconds the key stays locked; 0 when it is not. */
  lockedFor(key: string): number;
  /** Counts a failure; true when this one locked the key. */
  fail(key: string): boolean;
  /** A success forgets the key's failures. */
  succeed(key: string): void;
}

/** Creates an empty lock-out counter. */
export function createLockout(options: LockoutOptions): Lockout {
  const clock = options.clock ?? systemClock;
  const maxKeys = options.maxKeys ?? 10_000;
  const failures = createSlidingWindow({ windowMs: options.windowMs, maxKeys, clock });
  /** When each locked key is free again. */
  const lockedUntil = new LRUCache<string, number>({ max: maxKeys });
  return {
    lockedFor(key) {
      const until = lockedUntil.get(key);
      return until === undefined ? 0 : Math.max(0, until - clock.now());
    },
    fail(key) {
      if (failures.hit(key) < options.maxFailures) return false;
      failures.forget(key);
      lockedUntil.set(key, clock.now() + options.lockMs);
      return true;
    },
    succeed(key) {
      failures.forget(key);
      lockedUntil.delete(key);
    },
  };
}
