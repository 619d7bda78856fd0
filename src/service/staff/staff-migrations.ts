/**
 * The staff tables' schema, as numbered migrations of their own, run by the one migration
 * runner (src/service/store/migration-runner.ts): `staff_schema` holds how many have run (the
 * message store counts its own in `PRAGMA user_version`). Append new ones; never edit or
 * reorder old ones.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { migrateSqlite, type Schema } from '../store/migration-runner.js';

/** Migration n (1-based) is `STAFF_MIGRATIONS[n - 1]`. */
export const STAFF_MIGRATIONS: readonly string[] = [
  `CREATE TABLE staff_accounts (
     name TEXT PRIMARY KEY,
     password_hash TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     password_changed_at INTEGER NOT NULL
   );
   CREATE TABLE staff_sessions (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     csrf TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL
   );
   CREATE INDEX staff_sessions_name ON staff_sessions (name);
   CREATE TABLE staff_audit (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     target TEXT,
     detail TEXT
   );
   CREATE INDEX staff_audit_at ON staff_audit (at);
   CREATE TABLE review_actions (
     type TEXT NOT NULL,
     key TEXT NOT NULL,
     action TEXT NOT NULL,
     entry TEXT,
     actor TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (type, key)
   );`,
];

/** The staff tables' schema in SQLite. */
export const SQLITE_STAFF_SCHEMA: Schema = { name: 'staff', migrations: STAFF_MIGRATIONS, versionIn: { table: 'staff_schema' } };

/**
 * Brings the staff tables up to the latest schema; returns how many migrations ran. Two
 * processes opening a new database at once (serve and `staff add`) migrate one after the other.
 * @throws when a migration fails (rolled back), or when the tables are newer than this code.
 */
export function migrateStaff(db: BetterSqlite3.Database): number {
  return migrateSqlite(db, SQLITE_STAFF_SCHEMA);
}
