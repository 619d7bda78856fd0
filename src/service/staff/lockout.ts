/**
 * Lock-out after repeated failed logins: a key (an account name, a client address) that
 * fails `maxFailures` times within `windowMs` is refused for `lockMs`, right password or
 * not. Kept in memory, bounded (least recently used keys forgotten first), so a flood of
 * made-up names cannot grow it.
 */
import { LRUCache } from 'lru-cache';
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

interface Failures {
  times: number[];
  lockedUntil: number;
}

/** Creates an empty lock-out counter. */
export function createLockout(options: LockoutOptions): Lockout {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const keys = new LRUCache<string, Failures>({ max: options.maxKeys ?? 10_000 });
  return {
    lockedFor(key) {
      const failures = keys.get(key);
      return failures ? Math.max(0, failures.lockedUntil - now()) : 0;
    },
    fail(key) {
      const at = now();
      const failures = keys.get(key) ?? { times: [], lockedUntil: 0 };
      failures.times = [...failures.times.filter((t) => at - t < options.windowMs), at];
      keys.set(key, failures);
      if (failures.times.length < options.maxFailures) return false;
      failures.times = [];
      failures.lockedUntil = at + options.lockMs;
      return true;
    },
    succeed(key) {
      keys.delete(key);
    },
  };
}
