/**
 * The PostgreSQL schema of the message store, as numbered migrations: the same tables as
 * SQLite's (src/service/store/migrations.ts), in PostgreSQL's types, plus the settings of the
 * deployment (the conversation-hash salt every instance shares), run by the one migration
 * runner (../migration-runner.ts): `schema_version` holds how many have run; instances
 * starting together migrate once. Append new ones; never edit or reorder old ones.
 */
import { migratePostgres as runMigrations, type PostgresSchema } from '../migration-runner.js';
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

/** The message store's schema in PostgreSQL; its lock any number, the same in every instance ("qlb"). */
export const POSTGRES_STORE_SCHEMA: PostgresSchema = { name: 'store', migrations: POSTGRES_MIGRATIONS, versionIn: { table: 'schema_version' }, lock: 0x716c62 };

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
export function migratePostgres(pool: Pool): Promise<number> {
  return runMigrations(pool, POSTGRES_STORE_SCHEMA);
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
