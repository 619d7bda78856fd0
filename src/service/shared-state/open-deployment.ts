/**
 * Opens what a command keeps beyond its own process, as configured: the message store
 * (SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL) and the shared state (memory, or
 * Redis with REDIS_URL), with the one salt both hash conversations with. Servers that cannot
 * be reached at start are waited for briefly, then the instance starts degraded and keeps
 * retrying: it answers either way (without the deployment's salt: not ready, and without
 * shared state, until it can be read).
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../config/config.js';
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { createNoopStore, type MessageStore } from '../store/message-store.js';
import { migratePostgres } from '../store/postgres/migrations.js';
import type { Pool } from '../store/postgres/pool.js';
import { readOrCreateSalt } from '../store/salt.js';
import { createSaltedStore } from '../store/salted-store.js';
import { localSalt, openDeploymentSalt, within, type SaltHealth } from '../store/deployment-salt.js';
import { createMemoryState } from './memory-state.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import type { SharedState } from './shared-state.js';

// The drivers (better-sqlite3, pg, ioredis) load only where configured and needed: `ask`,
// `why` and `eval` record and share nothing, and a bot on SQLite needs neither of the others.

export interface DeploymentOptions {
  /** Record handled messages: SQLite in DATA_DIR, or PostgreSQL when DATABASE_URL is set. */
  record: boolean;
  /** Share conversations, limits, locks and reloads through Redis when REDIS_URL is set (running bots). */
  share: boolean;
  /** A store to use instead (tests). */
  store?: MessageStore;
  /** How long start waits for Redis and PostgreSQL before going on degraded, in ms (default 3 s). */
  connectTimeoutMs?: number;
}

export interface Deployment {
  store: MessageStore;
  shared: SharedState;
  /** How the salt of conversation hashes is (known, waited for, mismatched), for /readyz. */
  saltHealth(): SaltHealth;
  /** Closes the store (writing what is queued), then the shared state. */
  close(): Promise<void>;
}

export async function openDeployment(config: Config, logger: Logger, options: DeploymentOptions): Promise<Deployment> {
  const timeoutMs = options.connectTimeoutMs ?? 3_000;
  const redisConfig = options.share ? config.redis : undefined;
  const redis: RedisConnection | undefined = redisConfig
    ? (await import('../redis/redis-connection.js')).openRedis({ url: redisConfig.url, keyPrefix: redisConfig.keyPrefix, commandTimeoutMs: redisConfig.timeoutMs, logger })
    : undefined;
  const postgres = config.database ? await import('../store/postgres/pool.js') : undefined;
  const pool: Pool | undefined =
    options.record && !options.store && config.database && postgres ? postgres.createPool({ url: config.database.url, logger }) : undefined;
  const database = config.database && postgres ? postgres.describeDatabase(config.database.url) : '';
  let migrated: Pool | undefined;
  if (pool) {
    try {
      await within(migratePostgres(pool), timeoutMs);
      migrated = pool;
    } catch (error) {
      logger.error({ code: ErrorCodes.STORE_FAILED, database, err: error }, 'PostgreSQL not reachable at start: answering goes on, records wait in memory and are retried');
    }
  }
  if (redis) await redis.ready(timeoutMs);

  const keeps = options.record || options.share;
  const local = keeps ? readOrCreateSalt(config.dataDir, logger) : randomBytes(16).toString('hex');
  const salt = keeps ? await openDeploymentSalt({ local, postgres: pool, migrated: Boolean(migrated), redis, logger, timeoutMs }) : localSalt(local);
  if (salt.value !== undefined && (redis || pool)) logger.info({ saltFrom: salt.health().from }, 'conversation hashes use the deployment salt');

  // The engines' own salt is unused under the salted store, which hashes with the deployment's.
  const engine = options.store
    ? undefined
    : pool
      ? (await import('../store/postgres/postgres-store.js')).openPostgresStore({ pool, logger, salt: local, database, dataDir: config.dataDir })
      : options.record
        ? (await import('../store/sqlite-store.js')).openSqliteStore({ dataDir: config.dataDir, logger, salt: local })
        : undefined;
  const store = options.store ?? (engine ? createSaltedStore({ store: engine, salt, logger }) : createNoopStore(salt.value ?? local));
  const sizes = { sessionIdleMs: config.sessionIdleMs, sessionMax: config.sessionMax, ratePerMinute: config.ratePerMinute, lockWaitMs: config.conversationLockWaitMs };
  const shared = redis
    ? (await import('./redis-state.js')).openRedisState({ redis, logger, hash: (key) => salt.hash(key), ...sizes })
    : createMemoryState(sizes);
  return {
    store,
    shared,
    saltHealth: () => salt.health(),
    async close() {
      salt.close();
      await store.close();
      await shared.close();
    },
  };
}
