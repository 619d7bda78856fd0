/**
 * The {@link SharedState} of a single instance: everything in this process's memory, as the
 * bot always kept it. Locks still count within the process, so one process cannot start the
 * same channel twice.
 */
import { LRUCache } from 'lru-cache';
import { createRateLimiter } from '../limits/rate-limiter.js';
import { createMemoryConversationLocks } from '../session/conversation-locks.js';
import { createMemorySessionStore } from '../session/session-store.js';
import type { Clock } from '../time/clock.js';
import { instanceName } from './instance-name.js';
import type { ReloadBus } from '../reload/reload-bus.js';
import type { InstanceLock, Locks, SharedCache, SharedState } from './shared-state.js';

export interface MemoryStateOptions {
  sessionIdleMs: number;
  sessionMax?: number;
  ratePerMinute: number;
  /** Longest a turn waits for its conversation's lock, in ms (default 2 s). */
  lockWaitMs?: number;
  /** The clock of sessions and limits (the system clock by default; tests pass their own). */
  clock?: Clock;
}

export interface MemoryCacheOptions {
  /** Entries kept at most, the least recently used going first (default 10,000). */
  max?: number;
  /** The clock the ttls count on (default the process's monotonic clock, as lru-cache keeps it; tests pass their own). */
  clock?: Clock;
}

/** A cache in memory, each value kept for its own ttl. */
export function createMemoryCache(options: MemoryCacheOptions = {}): SharedCache {
  const { max = 10_000, clock } = options;
  // A clock of its own is read at every check (ttlResolution 0): lru-cache would otherwise
  // reuse a reading for a millisecond of real time, which a test's clock does not follow.
  const timing = clock ? { perf: { now: () => clock.now() }, ttlResolution: 0 } : {};
  const cache = new LRUCache<string, string>({ max, ttlAutopurge: false, ...timing });
  return {
    get: async (key) => cache.get(key),
    set: async (key, value, ttlMs) => void cache.set(key, value, { ttl: ttlMs }),
    claim: async (key, ttlMs, value = '1') => {
      if (cache.has(key)) return false;
      cache.set(key, value, { ttl: ttlMs });
      return true;
    },
    delete: async (key) => void cache.delete(key),
  };
}

/** Locks within this process. */
export function createLocalLocks(instance: string): Locks {
  const held = new Map<string, string>();
  return {
    async acquire(name) {
      const holder = held.get(name);
      if (holder !== undefined) return { acquired: false, holder };
      held.set(name, instance);
      const lock: InstanceLock = {
        release: async () => void held.delete(name),
        onLost: () => undefined,
      };
      return { acquired: true, lock };
    },
  };
}

/** Nobody else to tell. */
const localBus: ReloadBus = { publish: async () => undefined, subscribe: () => () => undefined };

export function createMemoryState(options: MemoryStateOptions): SharedState {
  const instance = instanceName();
  return {
    kind: 'memory',
    instance,
    sessions: createMemorySessionStore({ idleMs: options.sessionIdleMs, max: options.sessionMax, clock: options.clock }),
    conversationLocks: createMemoryConversationLocks({ waitMs: options.lockWaitMs }),
    limiter: createRateLimiter({ limit: options.ratePerMinute, maxKeys: options.sessionMax, clock: options.clock }),
    cache: createMemoryCache(),
    locks: createLocalLocks(instance),
    reloads: localBus,
    health: () => undefined,
    close: async () => undefined,
  };
}
