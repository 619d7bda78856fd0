/**
 * The salt of conversation hashes must be the same in every instance: the store groups a
 * conversation's records by it and Redis keys conversations by it. It is kept where all
 * instances look: PostgreSQL when configured, else Redis, else the data directory. The first
 * instance proposes its local salt (DATA_DIR/store-salt), so a single host that starts
 * sharing keeps its hashes. An instance that reaches neither at start uses its local salt
 * for this run (its conversations then group apart; nothing else changes).
 */
import type { Logger } from '../logger.js';
import { sharedSalt } from '../store/postgres/migrations.js';
import type { Pool } from '../store/postgres/pool.js';
import type { RedisConnection } from './redis-connection.js';

export interface SaltSources {
  local: string;
  /** A pool whose schema is migrated. */
  postgres?: Pool;
  redis?: RedisConnection;
  logger: Logger;
}

/** The deployment's salt and where it came from. */
export async function deploymentSalt(sources: SaltSources): Promise<{ salt: string; from: 'postgres' | 'redis' | 'data-dir' }> {
  const { local, postgres, redis } = sources;
  const redisKey = redis && `${redis.prefix}conversation-salt`;
  if (postgres) {
    try {
      const salt = await sharedSalt(postgres, local);
      // Redis keeps a copy so an instance that cannot reach PostgreSQL at start still agrees.
      if (redis && redisKey) await redis.run('salt-copy', (client) => client.set(redisKey, salt));
      return { salt, from: 'postgres' };
    } catch (error) {
      sources.logger.debug({ err: error }, 'salt: PostgreSQL not reachable');
    }
  }
  if (redis && redisKey) {
    const salt = await redis.run('salt', async (client) => {
      await client.set(redisKey, local, 'NX');
      return client.get(redisKey);
    });
    if (salt) return { salt, from: 'redis' };
  }
  return { salt: local, from: 'data-dir' };
}
