/**
 * The one migration runner, for SQLite and PostgreSQL alike. A schema is a list of numbered
 * migrations and the place its version is kept in the database. Opening runs the pending ones
 * in order, all of them and the new version in one transaction (a failure leaves nothing of
 * the run behind), and two processes or instances opening one database at once migrate one
 * after the other: SQLite takes the write lock first (an immediate transaction), PostgreSQL an
 * advisory lock of the schema's own.
 *
 * What to run is decided once ({@link pendingMigrations}); each dialect only reads the
 * version, runs the SQL and writes the version: synchronously on better-sqlite3 (opening a
 * SQLite store stays synchronous), asynchronously on node-postgres.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Pool } from './postgres/pool.js';

/** A schema: its migrations and where the database keeps how many of them have run. */
export interface Schema {
  /** Named in the error when the database is newer than this code (`store`, `staff`). */
  name: string;
  /** Migration n (1-based) is `migrations[n - 1]`. Append new ones; never edit or reorder old ones. */
  migrations: readonly string[];
  /**
   * Where the version is kept: a one-row table of this name (made when missing), or SQLite's
   * `PRAGMA user_version` (the message store's, from before there were tables for it).
   */
  versionIn: { table: string } | 'user_version';
}

/** A PostgreSQL schema: its version in a table, and the advisory lock its runs take. */
export interface PostgresSchema extends Schema {
  versionIn: { table: string };
  /** A number of this schema's own; never change it (instances of two versions must take the same). */
  lock: number;
}

/**
 * The migrations to run on a database at version `from` (0 for a new one), in order.
 * @throws when the database is newer than this code.
 */
export function pendingMigrations(schema: Schema, from: number): readonly string[] {
  const latest = schema.migrations.length;
  if (from > latest) throw new Error(`${schema.name} schema version ${from} is newer than this bot (${latest}); upgrade the bot`);
  return schema.migrations.slice(from);
}

type Db = BetterSqlite3.Database;

/** A SQLite database's version as `versionIn` keeps it; `create` makes the version table when missing. */
function readSqliteVersion(db: Db, versionIn: Schema['versionIn'], create: boolean): number {
  if (versionIn === 'user_version') return Number(db.pragma('user_version', { simple: true }));
  const { table } = versionIn;
  if (create) db.exec(`CREATE TABLE IF NOT EXISTS ${table} (version INTEGER NOT NULL)`);
  else if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) return 0;
  return db.prepare<unknown[], { version: number }>(`SELECT version FROM ${table}`).get()?.version ?? 0;
}

function writeSqliteVersion(db: Db, versionIn: Schema['versionIn'], version: number): void {
  if (versionIn === 'user_version') {
    db.pragma(`user_version = ${version}`);
    return;
  }
  db.prepare(`DELETE FROM ${versionIn.table}`).run();
  db.prepare(`INSERT INTO ${versionIn.table} (version) VALUES (?)`).run(version);
}

/**
 * Brings a SQLite database up to `schema`; returns how many migrations ran. A database already
 * up to date is only read: no write lock, so opening never waits on another process's writes.
 * @throws when a migration fails (nothing of the run stays), or when the database is newer than this code.
 */
export function migrateSqlite(db: Db, schema: Schema): number {
  if (readSqliteVersion(db, schema.versionIn, false) === schema.migrations.length) return 0;
  return db
    .transaction(() => {
      // Read again under the write lock: another process may have migrated meanwhile.
      const pending = pendingMigrations(schema, readSqliteVersion(db, schema.versionIn, true));
      for (const sql of pending) db.exec(sql);
      if (pending.length > 0) writeSqliteVersion(db, schema.versionIn, schema.migrations.length);
      return pending.length;
    })
    .immediate();
}

/**
 * Brings a PostgreSQL database up to `schema`; returns how many migrations ran.
 * @throws when a migration fails (nothing of the run stays), or when the database is newer than this code.
 */
export async function migratePostgres(pool: Pool, schema: PostgresSchema): Promise<number> {
  const { table } = schema.versionIn;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [schema.lock]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${table} (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${table}`);
    const pending = pendingMigrations(schema, rows[0]?.version ?? 0);
    for (const sql of pending) await client.query(sql);
    if (pending.length > 0) {
      await client.query(`DELETE FROM ${table}`);
      await client.query(`INSERT INTO ${table} (version) VALUES ($1)`, [schema.migrations.length]);
    }
    await client.query('COMMIT');
    return pending.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
