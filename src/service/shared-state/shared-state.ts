/**
 * What the instances of one deployment share, behind small interfaces with in-memory
 * defaults: conversation state, rate-limit counters, a small cache (the official account's
 * access token, message dedup), locks (one Telegram poller, one personal-WeChat login) and
 * the reload broadcast. One instance keeps them in memory ({@link createMemoryState}); with
 * REDIS_URL they live in Redis ({@link openRedisState}) and degrade to memory-less answering
 * while Redis is down.
 */
import type { Admitter } from '../limits/rate-limiter.js';
import type { ConversationLocks } from '../session/conversation-locks.js';
import type { SessionStore } from '../session/session-store.js';
import type { RedisHealth } from '../redis/redis-connection.js';
import type { ReloadBus } from '../reload/reload-bus.js';

/** Short-lived values every instance sees. No method rejects: a failure reads as a miss. */
export interface SharedCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Sets `key` to `value` (default `'1'`) only when absent, in one step; true when this call set
   * it (the first to claim), or when that cannot be known. A loser can `get` the winner's value:
   * a claim can say what it was taken for.
   */
  claim(key: string, ttlMs: number, value?: string): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** A held lock. While held it is renewed; `onLost` hears when another instance took it over. */
export interface InstanceLock {
  /** Released at stop (renewal ends). */
  release(): Promise<void>;
  onLost(listener: () => void): void;
}

export type LockResult = { acquired: true; lock: InstanceLock } | { acquired: false; holder: string };

export interface Locks {
  /**
   * Takes `name` for this instance until released (renewed every third of `ttlMs`; another
   * instance can take it `ttlMs` after this one died). When Redis cannot be reached the lock
   * is granted and taken for real once it is back.
   */
  acquire(name: string, options?: { ttlMs?: number }): Promise<LockResult>;
}

export interface SharedState {
  /** `memory`: this process only; `redis`: shared by every instance on the same Redis. */
  readonly kind: 'memory' | 'redis';
  /** This instance's name in locks and broadcasts (host, process, a random part). */
  readonly instance: string;
  readonly sessions: SessionStore;
  /** A conversation's lock, held by a turn from reading its state to writing it. */
  readonly conversationLocks: ConversationLocks;
  readonly limiter: Admitter;
  readonly cache: SharedCache;
  readonly locks: Locks;
  readonly reloads: ReloadBus;
  /** Redis's health, for /readyz and /metrics; undefined when nothing is shared. */
  health(): RedisHealth | undefined;
  close(): Promise<void>;
}
