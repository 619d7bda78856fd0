/**
 * The {@link SharedState} of several instances: everything in one Redis (REDIS_URL), keys
 * under REDIS_KEY_PREFIX, conversations only as salted hashes.
 */
import { createRedisRateLimiter } from '../limits/redis-rate-limiter.js';
import type { Logger } from '../../logger.js';
import { createRedisReloadBus } from '../reload/redis-reload-bus.js';
import { createRedisConversationLocks } from '../session/redis-conversation-locks.js';
import { createRedisSessionStore } from '../session/redis-session-store.js';
import { instanceName } from './instance-name.js';
import { createRedisCache } from './redis-cache.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { createRedisLocks } from './redis-locks.js';
import type { SharedState } from './shared-state.js';
import type { Clock } from '../time/clock.js';

export interface RedisStateOptions {
  redis: RedisConnection;
  logger: Logger;
  /** The salted hash of conversation keys, the same in every instance (the deployment's salt); undefined while it is not known. */
  hash(key: string): string | undefined;
  sessionIdleMs: number;
  sessionMax?: number;
  ratePerMinute: number;
  /** Longest a turn waits for its conversation's lock, in ms (default 2 s). */
  lockWaitMs?: number;
  /** The clock of locks and limits (the system clock by default; tests pass their own). */
  clock?: Clock;
}

export function openRedisState(options: RedisStateOptions): SharedState {
  const { redis, logger, hash } = options;
  const instance = instanceName();
  return {
    kind: 'redis',
    instance,
    sessions: createRedisSessionStore({ redis, idleMs: options.sessionIdleMs, hash }),
    conversationLocks: createRedisConversationLocks({ redis, hash, waitMs: options.lockWaitMs, clock: options.clock }),
    limiter: createRedisRateLimiter({ redis, limit: options.ratePerMinute, hash, maxKeys: options.sessionMax, clock: options.clock }),
    cache: createRedisCache(redis),
    locks: createRedisLocks(redis, instance, logger),
    reloads: createRedisReloadBus(redis, instance, logger),
    health: () => redis.health(),
    close: () => redis.close(),
  };
}
