/**
 * The store's schema, as numbered migrations. `PRAGMA user_version` holds how many have run;
 * each runs once, in its own transaction. Append new ones; never edit or reorder old ones.
 */
import type BetterSqlite3 from 'better-sqlite3';

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

/**
 * Brings the database up to the latest schema; returns how many migrations ran.
 * @throws when a migration fails (that migration is rolled back), or when the database is
 * newer than this code.
 */
export function migrate(db: Db): number {
  const from = schemaVersion(db);
  if (from > MIGRATIONS.length) {
    throw new Error(`store schema version ${from} is newer than this bot (${MIGRATIONS.length}); upgrade the bot`);
  }
  for (let version = from + 1; version <= MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1] as string);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return MIGRATIONS.length - from;
}
