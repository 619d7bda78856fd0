/**
 * The read side of the configured message store, for `review` and `stats`: PostgreSQL when
 * DATABASE_URL is set, else the SQLite file in DATA_DIR.
 */
import path from 'node:path';
import type { Config } from '../config/config.js';
import { BotError, ErrorCodes } from '../../errors.js';
import { silentLogger } from '../../logger.js';
import { postgresSchemaVersion } from './postgres/migrations.js';
import { createPool, describeDatabase } from './postgres/pool.js';
import { openPostgresReader } from './postgres/postgres-reports.js';
import type { StoreReader } from './reports.js';
import { openSqliteReader } from './sqlite-reports.js';
import { STORE_FILE } from './sqlite-database.js';
import { storeReadError } from './store-errors.js';

type StoreConfig = Pick<Config, 'dataDir' | 'database'>;

/** Where the store is, for people: the database (host, port, name) or the SQLite file. */
export function storeLocation(config: StoreConfig): string {
  return config.database ? `PostgreSQL ${describeDatabase(config.database.url)}` : path.join(config.dataDir, STORE_FILE);
}

/** Connection failures of PostgreSQL: network, authentication, a missing database, a server starting or stopping. */
const UNREACHABLE = /^(E[A-Z]+|08|28|3D|57P)/;

/**
 * The error to show staff when PostgreSQL cannot be read: one line with QLB_DATABASE_UNREACHABLE
 * and the cause; any other error as it is.
 */
export function databaseReadError(error: unknown, where: string): unknown {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = (error as Error | undefined)?.message ?? String(error);
  const connection = typeof code === 'string' ? UNREACHABLE.test(code) : /connect|terminated|timeout/i.test(message);
  if (!connection) return error;
  return new BotError(
    ErrorCodes.DATABASE_UNREACHABLE,
    `连不上数据库(${where}):请检查 DATABASE_URL 的主机、端口、库名、用户和密码,以及数据库是否在运行。[${typeof code === 'string' ? code : message.split('\n')[0]}]`,
    [],
    { cause: error },
  );
}

/**
 * Opens the reader; undefined when nothing was recorded yet.
 * @throws BotError (QLB_DATABASE_UNREACHABLE, QLB_STORE_*) with a one-line message when the store cannot be read.
 */
export async function openStoreReader(config: StoreConfig): Promise<StoreReader | undefined> {
  const where = storeLocation(config);
  if (!config.database) {
    try {
      return openSqliteReader(config.dataDir);
    } catch (error) {
      throw storeReadError(error, where);
    }
  }
  const pool = createPool({ url: config.database.url, logger: silentLogger(), max: 2 });
  try {
    if ((await postgresSchemaVersion(pool)) === 0) {
      await pool.end();
      return undefined;
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw databaseReadError(error, where);
  }
  const reader = openPostgresReader(pool);
  const guard = <A extends unknown[], R>(read: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await read(...args);
    } catch (error) {
      throw databaseReadError(error, where);
    }
  };
  return {
    reviewRows: guard(reader.reviewRows),
    dailyStats: guard(reader.dailyStats),
    feedbackByEntry: guard(reader.feedbackByEntry),
    flowMarks: guard(reader.flowMarks),
    close: reader.close,
  };
}
