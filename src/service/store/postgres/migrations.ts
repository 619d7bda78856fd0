/**
 * The PostgreSQL schema of the message store, as numbered migrations: the same tables as
 * SQLite's (src/service/store/migrations.ts), in PostgreSQL's types, plus the settings of the
 * deployment (the conversation-hash salt every instance shares). `schema_version` holds how
 * many have run; all pending ones run in one transaction under an advisory lock, so instances
 * starting together migrate once. Append new ones; never edit or reorder old ones.
 */
import type { Pool } from './pool.js';

/** Migration n (1-based) is `POSTGRES_MIGRATIONS[n - 1]`. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE messages (
     id BIGSERIAL PRIMARY KEY,
     uid UUID NOT NULL UNIQUE,
     at BIGINT NOT NULL,
     adapter TEXT NOT NULL,
     conversation TEXT NOT NULL,
     kind TEXT NOT NULL,
     topic TEXT,
     entry TEXT,
     score DOUBLE PRECISION,
     latency_ms DOUBLE PRECISION NOT NULL,
     question TEXT
   );
   CREATE INDEX messages_at ON messages (at);
   CREATE TABLE feedback (
     id BIGSERIAL PRIMARY KEY,
     uid UUID NOT NULL UNIQUE,
     at BIGINT NOT NULL,
     adapter TEXT NOT NULL,
     conversation TEXT NOT NULL,
     useful BOOLEAN NOT NULL,
     entry TEXT,
     question TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);
   CREATE TABLE settings (
     name TEXT PRIMARY KEY,
     value TEXT NOT NULL
   );`,
];

/** Any number, the same in every instance: the advisory lock migrations take. */
const MIGRATION_LOCK = 0x716c62; // "qlb"

/** The schema version of the database (0 for a new one). */
export async function postgresSchemaVersion(pool: Pool): Promise<number> {
  const exists = await pool.query<{ found: boolean }>(`SELECT to_regclass('schema_version') IS NOT NULL AS found`);
  if (!exists.rows[0]?.found) return 0;
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_version');
  return rows[0]?.version ?? 0;
}

/**
 * Brings the database up to the latest schema; returns how many migrations ran.
 * @throws when a migration fails (nothing of it stays), or when the database is newer than this code.
 */
export async function migratePostgres(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    const from = rows[0]?.version ?? 0;
    if (from > POSTGRES_MIGRATIONS.length) {
      throw new Error(`store schema version ${from} is newer than this bot (${POSTGRES_MIGRATIONS.length}); upgrade the bot`);
    }
    for (let version = from + 1; version <= POSTGRES_MIGRATIONS.length; version += 1) {
      await client.query(POSTGRES_MIGRATIONS[version - 1] as string);
    }
    await client.query('UPDATE schema_version SET version = $1', [POSTGRES_MIGRATIONS.length]);
    await client.query('COMMIT');
    return POSTGRES_MIGRATIONS.length - from;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The deployment's salt of conversation hashes: the one stored, or `proposed` when none is
 * yet (the first instance's local salt, so a single host moving from SQLite keeps its hashes).
 */
export async function sharedSalt(pool: Pool, proposed: string): Promise<string> {
  await pool.query(`INSERT INTO settings (name, value) VALUES ('conversation-salt', $1) ON CONFLICT (name) DO NOTHING`, [proposed]);
  const { rows } = await pool.query<{ value: string }>(`SELECT value FROM settings WHERE name = 'conversation-salt'`);
  return rows[0]?.value ?? proposed;
}
