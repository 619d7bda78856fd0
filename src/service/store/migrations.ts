/**
 * The store's schema, as numbered migrations, run by the one migration runner
 * (./migration-runner.ts). `PRAGMA user_version` holds how many have run. Append new ones;
 * never edit or reorder old ones.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { migrateSqlite, type Schema } from './migration-runner.js';

type Db = BetterSqlite3.Database;

/** Migration n (1-based) is `MIGRATIONS[n - 1]`. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE messages (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     adapter TEXT NOT NULL,
     conversation TEXT NOT NULL,
     kind TEXT NOT NULL,
     topic TEXT,
     entry TEXT,
     score REAL,
     latency_ms REAL NOT NULL,
     question TEXT
   );
   CREATE INDEX messages_at ON messages (at);
   CREATE TABLE feedback (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     adapter TEXT NOT NULL,
     conversation TEXT NOT NULL,
     useful INTEGER NOT NULL,
     entry TEXT,
     question TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);`,
  // Each record's id, so a record written twice (a spill file replayed again after a crash) is kept once.
  `ALTER TABLE messages ADD COLUMN uid TEXT;
   CREATE UNIQUE INDEX messages_uid ON messages (uid);
   ALTER TABLE feedback ADD COLUMN uid TEXT;
   CREATE UNIQUE INDEX feedback_uid ON feedback (uid);`,
];

/** The schema version of a database (0 for a new one). */
export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** The message store's schema in SQLite. */
export const SQLITE_STORE_SCHEMA: Schema = { name: 'store', migrations: MIGRATIONS, versionIn: 'user_version' };

/**
 * Brings the database up to the latest schema; returns how many migrations ran.
 * @throws when a migration fails (nothing of the run stays), or when the database is newer
 * than this code.
 */
export function migrate(db: Db): number {
  return migrateSqlite(db, SQLITE_STORE_SCHEMA);
}
