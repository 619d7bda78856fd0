/**
 * Store faults stay off the answering path (issue 16): a locked database, a full disk and a
 * long outage cost neither answering speed nor uncounted records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../../src/bot.js';
import { ErrorCodes } from '../../../../src/errors.js';
import type { MessageRecord } from '../../../../src/service/store/message-store.js';
import { openSqliteStore, openStoreDatabase, STORE_FILE } from '../../../../src/service/store/sqlite-store.js';
import { SPILL_DIR } from '../../../../src/service/store/spill-file.js';
import { HEALTH_FILE, readHealthFile } from '../../../../src/service/store/store-health.js';
import { eventually } from '../../../doubles/eventually.js';
import { realEngine } from '../../../doubles/harness.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { clockReading } from '../../../doubles/manual-clock.js';

const dirs: string[] = [];
const cleanups: Array<() => void> = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-faults-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
beforeAll(async () => {
  await realEngine();
});

const record = (at: number): MessageRecord => ({ at, adapter: 'test', conversation: 'h', kind: 'fallback', latencyMs: 1, question: '今天天气怎么样' });
const rows = (dataDir: string) => {
  const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
  const n = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
  db.close();
  return n;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another process's connection holding the write lock. */
function lock(dataDir: string): () => void {
  const other = new Database(path.join(dataDir, STORE_FILE));
  other.exec('BEGIN EXCLUSIVE');
  const release = () => {
    if (!other.open) return;
    other.exec('COMMIT');
    other.close();
  };
  cleanups.push(release);
  return release;
}

describe('store faults off the answering path', () => {
  it('answering speed is unaffected by a locked store', async () => {
    const { engine } = await realEngine();
    const timeMessages = async (locked: boolean) => {
      const dataDir = tempDir();
      const store = openSqliteStore({ dataDir, logger: createLogSink().logger, flushEveryMs: 20, flushAt: 50 });
      store.recordMessage(record(0));
      await store.flush();
      const release = locked ? lock(dataDir) : () => undefined;
      const bot = createBot({ engine, logger: createLogSink('warn').logger, maxMessageChars: 500, sessionIdleMs: 60_000, store });
      const started = performance.now();
      for (let i = 0; i < 400; i += 1) {
        await bot.handle({ adapter: 'test', conversationId: `c${i}`, senderId: 'u', kind: 'text', text: '今天天气怎么样' });
        // Let timers and scheduled writes run between messages, as real I/O would.
        if (i % 20 === 0) await setImmediate();
      }
      const ms = performance.now() - started;
      const health = store.health();
      release();
      expect(await store.flush()).toBe(true);
      await store.close();
      expect(rows(dataDir)).toBe(401);
      return { ms, health };
    };
    const free = await timeMessages(false);
    const locked = await timeMessages(true);
    expect(locked.health).toMatchObject({ state: 'degraded', lastError: { code: 'SQLITE_BUSY' } });
    expect(locked.health.queued).toBeGreaterThan(300);
    // Before: every message retried the whole queue against the lock (~5 messages/s).
    expect(locked.ms).toBeLessThan(free.ms * 2 + 1_000);
  });

  it('recording never writes: a failing store is retried by the timer with a growing pause, not per message', async () => {
    let clock = 1_000_000;
    let attempts = 0;
    const store = openSqliteStore({
      dataDir: tempDir(),
      logger: createLogSink().logger,
      clock: clockReading(() => clock),
      flushEveryMs: 2,
      flushAt: 10,
      retryMs: 1_000,
      openDatabase: () => {
        attempts += 1;
        throw Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' });
      },
    });
    cleanups.push(() => void store.close());
    for (let at = 0; at < 1_000; at += 1) store.recordMessage(record(at));
    expect(attempts).toBe(0);
    await eventually(() => attempts === 1);
    clock += 999;
    await sleep(20); // time is what this checks: the timer runs, the pause has not passed
    expect(attempts).toBe(1);
    clock += 1;
    await eventually(() => attempts === 2);
    clock += 1_999;
    await sleep(20); // as above
    expect(attempts).toBe(2);
    clock += 1;
    await eventually(() => attempts === 3);
    expect(store.health()).toMatchObject({ state: 'degraded', queued: 1_000, since: 1_000_000, lastError: { code: 'SQLITE_CANTOPEN' } });
  });

  it('a full disk takes what fits, chunk by chunk; the rest lands once space is freed', async () => {
    const dataDir = tempDir();
    let db: Database.Database | undefined;
    const log = createLogSink();
    const store = openSqliteStore({
      dataDir,
      logger: log.logger,
      retryMs: 0,
      flushAt: 100_000,
      openDatabase: (dir) => {
        db = openStoreDatabase(dir);
        // SQLite reports SQLITE_FULL past max_page_count, as on a full disk.
        db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 8}`);
        return db;
      },
    });
    for (let at = 0; at < 3_000; at += 1) store.recordMessage(record(at));
    // Chunk by chunk within each flush's time budget, until the disk is full.
    await eventually(async () => !(await store.flush()) && store.health().state === 'degraded');
    const landed = rows(dataDir);
    expect(landed).toBeGreaterThan(0);
    expect(store.health()).toMatchObject({ state: 'degraded', queued: 3_000 - landed, written: landed, lastError: { code: 'SQLITE_FULL' } });
    for (let at = 3_000; at < 3_500; at += 1) store.recordMessage(record(at));
    db?.pragma('max_page_count = 100000');
    // Written within the flush's time budget, or over the next turns (each record now carries an indexed id).
    await eventually(() => store.flush());
    expect(rows(dataDir)).toBe(3_500);
    expect(store.health()).toMatchObject({ state: 'ok', queued: 0, dropped: 0, written: 3_500 });
    await store.close();
    expect(log.lines().filter((line) => line.code === ErrorCodes.STORE_FAILED && line.level === 50)).toHaveLength(1);
  });

  it('every record that can be neither written nor spilled is counted, logged once per interval, and at close logged as lost', async () => {
    let clock = 0;
    const log = createLogSink();
    const dataDir = tempDir();
    // The spill folder's place is taken by a file: spilling fails too.
    fs.writeFileSync(path.join(dataDir, SPILL_DIR), 'not a folder');
    const store = openSqliteStore({
      dataDir,
      logger: log.logger,
      clock: clockReading(() => clock),
      maxQueued: 100,
      flushEveryMs: 2,
      retryMs: 10_000_000,
      dropLogEveryMs: 60_000,
      openDatabase: () => {
        throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
      },
    });
    const lostLines = () => log.lines().filter((line) => line.code === ErrorCodes.STORE_RECORDS_LOST);
    clock = 60_000;
    for (let at = 0; at < 15_000; at += 1) store.recordMessage(record(at));
    await eventually(() => store.health().dropped === 14_900);
    expect(store.health()).toMatchObject({ queued: 100, dropped: 14_900, spilled: 0 });
    for (let at = 0; at < 10; at += 1) store.recordMessage(record(at));
    await eventually(() => store.health().dropped === 14_910);
    expect(await store.close()).toBeUndefined();
    expect(store.health()).toMatchObject({ state: 'closed', dropped: 15_010 });
    expect(lostLines().at(-1)).toMatchObject({ level: 50, lost: 15_010, msg: expect.stringMatching(/closed with 15010 record\(s\) lost/) });
  });

  it('a running bot leaves its store health in the data directory for stats', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore({ dataDir, logger: createLogSink().logger, retryMs: 0 });
    store.recordMessage(record(1));
    expect(await store.flush()).toBe(true);
    expect(fs.existsSync(path.join(dataDir, HEALTH_FILE))).toBe(false);
    const release = lock(dataDir);
    store.recordMessage(record(2));
    expect(await store.flush()).toBe(false);
    expect(readHealthFile(dataDir)).toMatchObject({ state: 'degraded', pid: process.pid, lastError: { code: 'SQLITE_BUSY' } });
    release();
    expect(await store.flush()).toBe(true);
    expect(readHealthFile(dataDir)).toMatchObject({ state: 'ok', queued: 0 });
    await store.close();
  });
});
