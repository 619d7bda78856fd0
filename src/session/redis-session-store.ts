/**
 * Conversation state in Redis, shared by every instance: a conversation whose messages land
 * on different instances keeps its topic and its numbered list. Each state expires after the
 * idle time (renewed by every message). While Redis is unreachable a conversation is served
 * without memory (read: nothing; write: skipped), never stopped.
 */
import type { RedisConnection } from '../shared/redis-connection.js';
import type { SessionState, SessionStore } from './session-store.js';

export interface RedisSessionOptions {
  redis: RedisConnection;
  idleMs: number;
  /** The salted hash of a conversation key: Redis never sees platform ids. */
  hash(key: string): string;
}

export function createRedisSessionStore(options: RedisSessionOptions): SessionStore {
  const { redis, idleMs } = options;
  const keyOf = (key: string) => `${redis.prefix}session:${options.hash(key)}`;
  return {
    async read(key) {
      const raw = await redis.run('session-read', (client) => client.get(keyOf(key)));
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as SessionState;
      } catch {
        return undefined;
      }
    },
    async write(key, state) {
      await redis.run('session-write', (client) => client.set(keyOf(key), JSON.stringify(state), 'PX', idleMs));
    },
    async delete(key) {
      await redis.run('session-delete', (client) => client.del(keyOf(key)));
    },
  };
}
