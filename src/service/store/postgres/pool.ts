/**
 * The PostgreSQL connection pool of the message store (node-postgres). Connections are made
 * on demand and a broken one is replaced, so an outage needs no special handling beyond the
 * store's retries. BIGINT (times in ms, counts) is read as a number.
 */
import pg from 'pg';
import type { Logger } from '../../../logger.js';

export type Pool = pg.Pool;

const INT8_OID = 20;
const TEXT_PARSER = (value: string) => value;

/** Reads int8 as a JavaScript number (ms since the epoch and counts stay far below 2^53). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : (pg.types.getTypeParser(oid, 'text') ?? TEXT_PARSER);
  },
} as pg.CustomTypesConfig;

export interface PoolOptions {
  url: string;
  logger: Logger;
  /** Connections at most (default 4: writes are batched, reads are staff reports). */
  max?: number;
  /** How long to wait for a connection, in ms (default 3 s). */
  connectTimeoutMs?: number;
  /** How long one query may run, in ms (default 15 s). */
  queryTimeoutMs?: number;
}

/** Creates the pool; nothing connects until the first query. */
export function createPool(options: PoolOptions): Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3_000,
    query_timeout: options.queryTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
    application_name: 'qujiang-legal-bot',
    types,
  });
  // An idle connection the server closed (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.logger.debug({ err: error }, 'postgres: an idle connection closed'));
  return pool;
}

/** The database a URL names, without user or password, for log lines and messages. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return '(DATABASE_URL)';
  }
}
