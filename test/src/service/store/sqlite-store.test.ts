import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import { MIGRATIONS, schemaVersion } from '../../../../src/service/store/migrations.js';
import { ensureDir } from '../../../../src/fs/ensure-dir.js';
import { SALT_FILE } from '../../../../src/service/store/salt.js';
import { openSqliteStore, openStoreDatabase, STORE_FILE } from '../../../../src/service/store/sqlite-store.js';
import { createLogSink } from '../../../doubles/log-sink.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const message = (at: number, extra: Record<string, unknown> = {}) => ({
  at,
  adapter: 'wechat',
  conversation: 'h',
  kind: 'answer',
  entry: 'legal-aid.where',
  topic: 'legal-aid',
  score: 0.9,
  latencyMs: 1.5,
  ...extra,
});

describe('sqlite store', () => {
  it('writes messages and feedback and reads them back after a restart', async () => {
    const dataDir = tempDir();
    const { logger } = createLogSink();
    const store = openSqliteStore({ dataDir, logger });
    const conversation = store.hashConversation('wechat:wxid_secret');
    store.recordMessage(message(1_000, { conversation }));
    store.recordMessage(message(2_000, { conversation, kind: 'fallback', entry: undefined, topic: undefined, question: '离婚怎么办' }));
    store.recordFeedback({ at: 3_000, adapter: 'wechat', conversation, useful: false, entry: 'legal-aid.where', question: '在哪申请' });
    expect(await store.flush()).toBe(true);
    await store.close();

    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT at, adapter, kind, entry, topic, score, latency_ms, question FROM messages ORDER BY at').all()).toEqual([
      { at: 1_000, adapter: 'wechat', kind: 'answer', entry: 'legal-aid.where', topic: 'legal-aid', score: 0.9, latency_ms: 1.5, question: null },
      { at: 2_000, adapter: 'wechat', kind: 'fallback', entry: null, topic: null, score: 0.9, latency_ms: 1.5, question: '离婚怎么办' },
    ]);
    expect(db.prepare('SELECT useful, entry, question FROM feedback').all()).toEqual([
      { useful: 0, entry: 'legal-aid.where', question: '在哪申请' },
    ]);
    db.close();

    // Same salt after a restart: the same conversation hashes alike, and never to its id.
    const again = openSqliteStore({ dataDir, logger });
    expect(again.hashConversation('wechat:wxid_secret')).toBe(conversation);
    expect(conversation).not.toContain('wxid');
    await again.close();
    expect(fs.statSync(path.join(dataDir, SALT_FILE)).mode & 0o077).toBe(0);
    expect(fs.readFileSync(path.join(dataDir, STORE_FILE)).includes('wxid_secret')).toBe(false);
  });

  it('migrates once: reopening keeps the data and the schema version', async () => {
    const dataDir = tempDir();
    openStoreDatabase(dataDir).close();
    const db = openStoreDatabase(dataDir);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
  });

  it('purges records older than a time', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore({ dataDir, logger: createLogSink().logger });
    store.recordMessage(message(1_000));
    store.recordMessage(message(5_000));
    store.recordFeedback({ at: 1_000, adapter: 'console', conversation: 'h', useful: true });
    await store.flush();
    expect(await store.purge(2_000)).toBe(2);
    await store.close();
    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(db.prepare('SELECT at FROM messages').all()).toEqual([{ at: 5_000 }]);
    db.close();
  });

  it('a data directory that cannot be created is logged once and never throws', async () => {
    const parent = tempDir();
    const file = path.join(parent, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    const log = createLogSink();
    // Under a regular file mkdir fails even for root (chmod 0555 would not stop root).
    const store = openSqliteStore({ dataDir: path.join(file, 'data'), logger: log.logger, retryMs: 0 });
    store.recordMessage(message(1_000));
    expect(await store.flush()).toBe(false);
    expect(await store.flush()).toBe(false);
    expect(await store.purge(0)).toBeUndefined();
    await expect(store.close()).resolves.toBeUndefined();
    const errors = log.lines().filter((line) => line.code === ErrorCodes.STORE_FAILED && line.level === 50);
    expect(errors).toHaveLength(1);
  });

  it('a locked database is retried: nothing is lost once the lock goes', async () => {
    const dataDir = tempDir();
    const log = createLogSink();
    const store = openSqliteStore({ dataDir, logger: log.logger, retryMs: 0 });
    store.recordMessage(message(1_000));
    expect(await store.flush()).toBe(true);

    const other = new Database(path.join(dataDir, STORE_FILE));
    other.exec('BEGIN EXCLUSIVE');
    store.recordMessage(message(2_000));
    expect(await store.flush()).toBe(false);
    expect(log.lines().some((line) => line.code === ErrorCodes.STORE_FAILED)).toBe(true);
    other.exec('COMMIT');
    other.close();

    store.recordMessage(message(3_000));
    expect(await store.flush()).toBe(true);
    expect(log.lines().some((line) => line.msg === 'message store recovered')).toBe(true);
    await store.close();
    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(db.prepare('SELECT at FROM messages ORDER BY at').all()).toEqual([{ at: 1_000 }, { at: 2_000 }, { at: 3_000 }]);
    db.close();
  });

  it('keeps at most maxQueued records while failing; the newest go to the spill file and land once the store takes writes', async () => {
    const dataDir = tempDir();
    let failures = 3;
    const store = openSqliteStore({
      dataDir,
      logger: createLogSink().logger,
      retryMs: 0,
      maxQueued: 2,
      flushAt: 1_000,
      openDatabase: (dir) => {
        if (failures-- > 0) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        return openStoreDatabase(dir);
      },
    });
    for (const at of [1, 2, 3]) {
      store.recordMessage(message(at));
      expect(await store.flush()).toBe(false);
    }
    expect(store.health()).toMatchObject({ state: 'degraded', queued: 2, dropped: 0, lastError: { code: 'SQLITE_FULL' } });
    expect(await store.flush()).toBe(true);
    expect(store.health()).toMatchObject({ state: 'ok', queued: 0, dropped: 0, spilled: 1, written: 3 });
    await store.close();
    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(db.prepare('SELECT at FROM messages ORDER BY at').all()).toEqual([{ at: 1 }, { at: 2 }, { at: 3 }]);
    db.close();
  });

  it('creates nested data directories, and fails (not hangs) under a regular file', async () => {
    const root = tempDir();
    ensureDir(path.join(root, 'a', 'b', 'c'));
    expect(fs.statSync(path.join(root, 'a', 'b', 'c')).isDirectory()).toBe(true);
    ensureDir(path.join(root, 'a', 'b', 'c'));
    fs.writeFileSync(path.join(root, 'f'), '');
    expect(() => ensureDir(path.join(root, 'f', 'x', 'y'))).toThrow(/ENOTDIR/);
  });
});
