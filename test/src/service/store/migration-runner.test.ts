/**
 * The one migration runner on SQLite (its PostgreSQL side runs in
 * postgres-store-contract.test.ts against a real server): pending migrations in order, the
 * version where the schema keeps it, a failure leaving nothing, a newer database refused, and
 * an up-to-date database opened without waiting for another connection's write lock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqlite, pendingMigrations, type Schema } from '../../../../src/service/store/migration-runner.js';

const MIGRATIONS = ['CREATE TABLE a (x INTEGER);', 'CREATE TABLE b (y INTEGER);'];
const schemas: Schema[] = [
  { name: 'pragma', migrations: MIGRATIONS, versionIn: 'user_version' },
  { name: 'table', migrations: MIGRATIONS, versionIn: { table: 'versions' } },
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function databaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-migrate-'));
  dirs.push(dir);
  return path.join(dir, 'db.sqlite');
}
const tables = (db: Database.Database) =>
  db.prepare<unknown[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
const version = (db: Database.Database, schema: Schema) =>
  schema.versionIn === 'user_version' ? Number(db.pragma('user_version', { simple: true })) : db.prepare<unknown[], { version: number }>(`SELECT version FROM ${schema.versionIn.table}`).get()?.version;

describe('pendingMigrations', () => {
  it('lists those after the version, and refuses a database newer than the code', () => {
    expect(pendingMigrations(schemas[0] as Schema, 0)).toEqual(MIGRATIONS);
    expect(pendingMigrations(schemas[0] as Schema, 1)).toEqual([MIGRATIONS[1]]);
    expect(pendingMigrations(schemas[0] as Schema, 2)).toEqual([]);
    expect(() => pendingMigrations(schemas[0] as Schema, 3)).toThrow('pragma schema version 3 is newer than this bot (2); upgrade the bot');
  });
});

describe.each(schemas)('migrateSqlite, version in $name', (schema) => {
  it('runs the pending migrations once, in order, and keeps the version', () => {
    const db = new Database(databaseFile());
    expect(migrateSqlite(db, { ...schema, migrations: MIGRATIONS.slice(0, 1) })).toBe(1);
    expect(version(db, schema)).toBe(1);
    expect(migrateSqlite(db, schema)).toBe(1);
    expect(migrateSqlite(db, schema)).toBe(0);
    expect(version(db, schema)).toBe(2);
    expect(tables(db)).toEqual(expect.arrayContaining(['a', 'b']));
    db.close();
  });

  it('leaves nothing of a run whose migration fails', () => {
    const db = new Database(databaseFile());
    expect(() => migrateSqlite(db, { ...schema, migrations: [...MIGRATIONS, 'CREATE TABLE a (z INTEGER);'] })).toThrow(/already exists/);
    expect(tables(db)).not.toContain('a');
    expect(migrateSqlite(db, schema)).toBe(2);
    db.close();
  });

  it('refuses a database newer than the code, changing nothing', () => {
    const db = new Database(databaseFile());
    migrateSqlite(db, schema);
    expect(() => migrateSqlite(db, { ...schema, migrations: MIGRATIONS.slice(0, 1) })).toThrow(`${schema.name} schema version 2 is newer than this bot (1)`);
    expect(version(db, schema)).toBe(2);
    db.close();
  });

  it('opens an up-to-date database while another connection holds the write lock', () => {
    const file = databaseFile();
    const first = new Database(file);
    first.pragma('journal_mode = WAL');
    migrateSqlite(first, schema);
    first.exec('BEGIN IMMEDIATE');
    const second = new Database(file, { timeout: 10 });
    expect(migrateSqlite(second, schema)).toBe(0);
    // A database that does need migrating waits for the lock (and here, gives up).
    expect(() => migrateSqlite(second, { ...schema, migrations: [...MIGRATIONS, 'CREATE TABLE c (z INTEGER);'] })).toThrow(/locked|busy/i);
    first.exec('ROLLBACK');
    first.close();
    second.close();
  });
});
