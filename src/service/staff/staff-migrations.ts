/**
 * The staff tables' schema, as numbered migrations of their own: `staff_schema` holds how
 * many have run (the message store counts its own in `PRAGMA user_version`). Pending ones
 * run together in one transaction. Append new ones; never edit or reorder old ones.
 */
import type BetterSqlite3 from 'better-sqlite3';

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

/**
 * Brings the staff tables up to the latest schema; returns how many migrations ran.
 * @throws when a migration fails (rolled back), or when the tables are newer than this code.
 */
export function migrateStaff(db: BetterSqlite3.Database): number {
  // One immediate transaction: two processes opening a new database at once (serve and
  // `staff add`) migrate one after the other, never both.
  return db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS staff_schema (version INTEGER NOT NULL)');
    const row = db.prepare<unknown[], { version: number }>('SELECT version FROM staff_schema').get();
    const from = row?.version ?? 0;
    if (from > STAFF_MIGRATIONS.length) {
      throw new Error(`staff schema version ${from} is newer than this bot (${STAFF_MIGRATIONS.length}); upgrade the bot`);
    }
    for (let version = from + 1; version <= STAFF_MIGRATIONS.length; version += 1) db.exec(STAFF_MIGRATIONS[version - 1] as string);
    if (from < STAFF_MIGRATIONS.length) {
      db.prepare('DELETE FROM staff_schema').run();
      db.prepare('INSERT INTO staff_schema (version) VALUES (?)').run(STAFF_MIGRATIONS.length);
    }
    return STAFF_MIGRATIONS.length - from;
  }).immediate();
}
