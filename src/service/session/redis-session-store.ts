/**
 * Conversation state in Redis, shared by every instance: a conversation whose messages land
 * on different instances keeps its topic and its numbered list. Each state expires after the
 * idle time (renewed by every message). While Redis is unreachable (or the deployment's salt
 * is not known yet) a conversation is served without memory (read: nothing; write: skipped),
 * never stopped.
 */
import type { RedisConnection } from '../redis/redis-connection.js';
import type { SessionState } from '../../answer/dialog/session-state.js';
import type { SessionStore } from './session-store.js';

export interface RedisSessionOptions {
  redis: RedisConnection;
  idleMs: number;
  /** The salted hash of a conversation key (Redis never sees platform ids); undefined while the salt is not known. */
  hash(key: string): string | undefined;
}

export function createRedisSessionStore(options: RedisSessionOptions): SessionStore {
  const { redis, idleMs } = options;
  const keyOf = (key: string) => {
    const hashed = options.hash(key);
    return hashed === undefined ? undefined : `${redis.prefix}session:${hashed}`;
  };
  return {
    async read(key) {
      const at = keyOf(key);
      const raw = at === undefined ? undefined : await redis.run('session-read', (client) => client.get(at));
      if (!raw) return undefined;
      try {
        return JSON.parse(raw) as SessionState;
      } catch {
        return undefined;
      }
    },
    async write(key, state) {
      const at = keyOf(key);
      if (at !== undefined) await redis.run('session-write', (client) => client.set(at, JSON.stringify(state), 'PX', idleMs));
    },
    async delete(key) {
      const at = keyOf(key);
      if (at !== undefined) await redis.run('session-delete', (client) => client.del(at));
    },
  };
}
