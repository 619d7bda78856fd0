/**
 * The configured {@link StaffStore}: PostgreSQL when DATABASE_URL is set (every instance
 * shares staff, sessions and the audit log), else SQLite in DATA_DIR; and the review actions
 * `review` reads, without writing anything (a read-only connection for SQLite).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../config/config.js';
import { BotError, ErrorCodes } from '../../errors.js';
import { silentLogger, type Logger } from '../../logger.js';
import { databaseReadError, storeLocation } from '../store/open-store-reader.js';
import { createPool, describeDatabase } from '../store/postgres/pool.js';
import { STORE_FILE } from '../store/sqlite-database.js';
import { storeReadError } from '../store/store-errors.js';
import { migratePostgresStaff, openPostgresStaffStore, reviewActionsIn } from './postgres-staff-store.js';
import { openSqliteStaffStore, reviewActionsOf } from './sqlite-staff-store.js';
import type { ReviewAction, StaffStore } from './staff-store.js';

type StoreConfig = Pick<Config, 'dataDir' | 'database'>;

/**
 * Opens the staff store (creating its tables when needed).
 * @throws BotError QLB_STAFF_STORE_FAILED when it cannot be opened.
 */
export async function openStaffStore(config: StoreConfig, logger: Logger): Promise<StaffStore> {
  if (!config.database) return openSqliteStaffStore(config.dataDir);
  const where = describeDatabase(config.database.url);
  const pool = createPool({ url: config.database.url, logger, max: 2 });
  try {
    await migratePostgresStaff(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    const cause = (error as { code?: string }).code ?? (error as Error).message;
    throw new BotError(ErrorCodes.STAFF_STORE_FAILED, `工作人员账号库无法打开(PostgreSQL ${where}):请检查 DATABASE_URL 和数据库。[${cause}]`, [], { cause: error });
  }
  return openPostgresStaffStore(pool, where);
}

/**
 * What staff did with the questions awaiting review, for `review`, read without writing
 * anything; none when the staff tables were never made.
 * @throws BotError (QLB_DATABASE_UNREACHABLE, QLB_STORE_*) when the store cannot be read.
 */
export async function readReviewActions(config: StoreConfig): Promise<ReviewAction[]> {
  if (config.database) {
    const pool = createPool({ url: config.database.url, logger: silentLogger(), max: 1 });
    try {
      return await reviewActionsIn(pool);
    } catch (error) {
      throw databaseReadError(error, storeLocation(config));
    } finally {
      await pool.end().catch(() => undefined);
    }
  }
  const file = path.join(config.dataDir, STORE_FILE);
  if (!fs.existsSync(file)) return [];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 2_000 });
    try {
      return reviewActionsOf(db);
    } finally {
      db.close();
    }
  } catch (error) {
    throw storeReadError(error, file);
  }
}
