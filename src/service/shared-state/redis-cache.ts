/**
 * {@link SharedCache} in Redis. A failure reads as a miss (get), is skipped (set, delete), or
 * lets the caller go ahead (claim): while Redis is down an instance acts on its own.
 */
import type { RedisConnection } from '../redis/redis-connection.js';
import type { SharedCache } from './shared-state.js';

export function createRedisCache(redis: RedisConnection): SharedCache {
  const keyOf = (key: string) => `${redis.prefix}cache:${key}`;
  return {
    async get(key) {
      return (await redis.run('cache-get', (client) => client.get(keyOf(key)))) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await redis.run('cache-set', (client) => client.set(keyOf(key), value, 'PX', Math.max(1, Math.round(ttlMs))));
    },
    async claim(key, ttlMs, value = '1') {
      const result = await redis.run('cache-claim', (client) => client.set(keyOf(key), value, 'PX', Math.max(1, Math.round(ttlMs)), 'NX'));
      return result !== null;
    },
    async delete(key) {
      await redis.run('cache-delete', (client) => client.del(keyOf(key)));
    },
  };
}
