/**
 * The one test suite every message store engine passes (SQLite, PostgreSQL): what `review`
 * and `stats` read back, hashes that survive a restart, migrations, retention, and an outage
 * that queues, bounds, counts and finally writes. Each engine's file supplies a harness.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import type { MessageStore } from '../../../../src/service/store/message-store.js';
import type { StoreReader } from '../../../../src/service/store/reports.js';
import { fallbackRate } from '../../../../src/service/store/reports.js';
import { SPILL_DIR } from '../../../../src/service/store/spill-file.js';
import type { LogSink } from '../../../doubles/log-sink.js';

/** Tuning a test may pass to a store it opens. */
export interface TestStoreOptions {
  maxQueued?: number;
  retryMs?: number;
  flushAt?: number;
  log?: LogSink;
}

/** What is in the spill folder of a place's data directory: name → content. */
function spillFiles(dataDir: string): Map<string, string> {
  const dir = path.join(dataDir, SPILL_DIR);
  if (!fs.existsSync(dir)) return new Map();
  return new Map(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
}

/** One place records go: a directory (SQLite) or a database (PostgreSQL). */
export interface StorePlace {
  /** The data directory of the host writing there (the spill file's folder). */
  dataDir: string;
  open(options?: TestStoreOptions): Promise<MessageStore>;
  /** The reader `review` and `stats` use; undefined when nothing was recorded there. */
  reader(): Promise<StoreReader | undefined>;
  /** Makes writing fail until `heal()`: the database locked (SQLite) or refusing connections (PostgreSQL). */
  break(): Promise<void>;
  heal(): Promise<void>;
}

export interface StoreHarness {
  /** A new, empty place. */
  place(): Promise<StorePlace>;
}

const T = new Date(2025, 2, 10, 12, 0).getTime(); // local noon, 10 March 2025
const HOUR = 60 * 60_000;

function ask(store: MessageStore, at: number, kind: string, extra: { entry?: string; topic?: string; question?: string; adapter?: string } = {}) {
  store.recordMessage({ at, adapter: 'wechat', conversation: 'h', kind, latencyMs: 1, ...extra });
}

async function read<T>(place: StorePlace, use: (reader: StoreReader) => Promise<T>): Promise<T> {
  const reader = await place.reader();
  if (!reader) throw new Error('nothing recorded');
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

/** Registers the contract for one engine; `harness` is undefined when the engine cannot run here. */
export function describeStoreContract(engine: string, harness: () => StoreHarness | undefined): void {
  const place = async () => {
    const h = harness();
    if (!h) throw new Error(`${engine}: no harness`);
    return h.place();
  };

  describe(`message store contract: ${engine}`, () => {
    it('has nothing to read before anything was recorded', async () => {
      expect(await (await place()).reader()).toBeUndefined();
    });

    it('review: unanswered and disliked questions grouped, most frequent first, with the closest entry', async () => {
      const where = await place();
      const store = await where.open();
      ask(store, T, 'fallback', { question: '离婚怎么办?', entry: 'mediation.how' });
      ask(store, T + 1, 'fallback', { question: '離婚怎麼辦', entry: 'mediation.how' });
      ask(store, T + 2, 'clarify', { question: '离婚 怎么办', entry: 'lawyers.find' });
      ask(store, T + 3, 'fallback', { question: '天气怎么样' });
      ask(store, T + 4, 'answer', { entry: 'legal-aid.where' });
      store.recordFeedback({ at: T + 5, adapter: 'console', conversation: 'h', useful: false, entry: 'legal-aid.where', question: '法援在哪' });
      store.recordFeedback({ at: T + 6, adapter: 'console', conversation: 'h', useful: false, entry: 'legal-aid.where', question: '法援在哪?' });
      store.recordFeedback({ at: T + 7, adapter: 'telegram', conversation: 'h', useful: false, entry: 'notary.cost' });
      store.recordFeedback({ at: T + 8, adapter: 'console', conversation: 'h', useful: true, entry: 'notary.cost' });
      ask(store, T - 40 * 24 * HOUR, 'fallback', { question: '太旧了' });
      await store.close();

      const rows = await read(where, (reader) => reader.reviewRows({ since: T - 30 * 24 * HOUR, limit: 10 }));
      expect(rows).toEqual([
        { type: 'unanswered', key: expect.any(String), count: 3, question: expect.stringMatching(/离婚|離婚/), kinds: 'fallback 2, clarify 1', entry: 'mediation.how', lastAt: T + 2 },
        { type: 'unanswered', key: '天气怎么样', count: 1, question: '天气怎么样', kinds: 'fallback 1', lastAt: T + 3 },
        { type: 'disliked', key: expect.stringMatching(/^法援在哪$/), count: 2, question: expect.stringMatching(/^法援在哪/), kinds: '👎 2', entry: 'legal-aid.where', lastAt: T + 6 },
        { type: 'disliked', key: 'entry:notary.cost', count: 1, question: '', kinds: '👎 1', entry: 'notary.cost', lastAt: T + 7 },
      ]);
      const hide = (row: { key: string }) => row.key === '天气怎么样' || row.key === 'entry:notary.cost';
      const shown = await read(where, (reader) => reader.reviewRows({ since: T - 30 * 24 * HOUR, limit: 1, hide }));
      expect(shown.map((row) => [row.type, row.count])).toEqual([['unanswered', 3], ['disliked', 2]]);
    });

    it('stats: per local day and kind, answers per topic, feedback per entry, the fallback rate', async () => {
      const where = await place();
      const store = await where.open();
      ask(store, T, 'answer', { entry: 'legal-aid.where', topic: 'legal-aid' });
      ask(store, T + 1, 'answer', { entry: 'legal-aid.cost', topic: 'legal-aid' });
      ask(store, T + 2, 'answer', { entry: 'notary.where', topic: 'notary' });
      ask(store, T + 3, 'fallback', { question: 'x' });
      ask(store, T + 4, 'menu');
      ask(store, T - 24 * HOUR, 'clarify', { question: 'y' });
      store.recordFeedback({ at: T, adapter: 'console', conversation: 'h', useful: true, entry: 'notary.where' });
      store.recordFeedback({ at: T, adapter: 'console', conversation: 'h', useful: false, entry: 'legal-aid.cost' });
      store.recordFeedback({ at: T, adapter: 'console', conversation: 'h', useful: false, entry: 'legal-aid.cost' });
      await store.close();

      const days = await read(where, (reader) => reader.dailyStats({ since: T - 7 * 24 * HOUR }));
      expect(days).toEqual([
        { day: '2025-03-10', total: 5, kinds: { answer: 3, fallback: 1, menu: 1 }, topics: { 'legal-aid': 2, notary: 1 }, useful: 1, notUseful: 2 },
        { day: '2025-03-09', total: 1, kinds: { clarify: 1 }, topics: {}, useful: 0, notUseful: 0 },
      ]);
      expect(fallbackRate(days[0]?.kinds ?? {})).toBe(0.25);
      expect(await read(where, (reader) => reader.feedbackByEntry({ since: 0, limit: 5 }))).toEqual([
        { entry: 'legal-aid.cost', useful: 0, notUseful: 2 },
        { entry: 'notary.where', useful: 1, notUseful: 0 },
      ]);
    });

    it("flow marks: the guided flows' replies since a time, oldest first, for their 统计", async () => {
      const where = await place();
      const store = await where.open();
      ask(store, T + 2, 'flow', { entry: 'flow:legal-aid:ask:lawyer' });
      ask(store, T + 1, 'flow', { entry: 'flow:legal-aid:start:matter' });
      ask(store, T + 3, 'answer', { entry: 'legal-aid.where', topic: 'legal-aid' });
      ask(store, T - 40 * 24 * HOUR, 'flow', { entry: 'flow:legal-aid:start:matter' });
      await store.close();
      expect(await read(where, (reader) => reader.flowMarks({ since: T - 24 * HOUR }))).toEqual([
        { conversation: 'h', at: T + 1, entry: 'flow:legal-aid:start:matter' },
        { conversation: 'h', at: T + 2, entry: 'flow:legal-aid:ask:lawyer' },
      ]);
    });

    it('hashes a conversation alike after a restart, never to its id; migrations run once and keep the data', async () => {
      const where = await place();
      const first = await where.open();
      const hash = first.hashConversation('wechat:wxid_secret');
      expect(hash).not.toContain('wxid');
      ask(first, T, 'fallback', { question: '第一次', adapter: 'first' });
      await first.close();
      const again = await where.open();
      expect(again.hashConversation('wechat:wxid_secret')).toBe(hash);
      ask(again, T + 1, 'fallback', { question: '第二次', adapter: 'again' });
      await again.close();
      const rows = await read(where, (reader) => reader.reviewRows({ since: 0, limit: 10 }));
      expect(rows.map((row) => row.question).sort()).toEqual(['第一次', '第二次']);
    });

    it('purges records older than a time, messages and feedback, and says how many', async () => {
      const where = await place();
      const store = await where.open();
      ask(store, 1_000, 'fallback', { question: 'old' });
      ask(store, 5_000, 'fallback', { question: 'new' });
      store.recordFeedback({ at: 1_000, adapter: 'console', conversation: 'h', useful: false, question: 'old vote' });
      expect(await store.flush()).toBe(true);
      expect(await store.purge(2_000)).toBe(2);
      await store.close();
      const rows = await read(where, (reader) => reader.reviewRows({ since: 0, limit: 10 }));
      expect(rows.map((row) => row.question)).toEqual(['new']);
    });

    it('an outage queues records up to the bound, spills the rest, and writes them all once it ends', async () => {
      const where = await place();
      const log = (await import('../../../doubles/log-sink.js')).createLogSink();
      const store = await where.open({ maxQueued: 5, retryMs: 0, flushAt: 1_000, log });
      ask(store, T, 'fallback', { question: 'before' });
      expect(await store.flush()).toBe(true);
      await where.break();
      for (let i = 0; i < 7; i += 1) ask(store, T + 1 + i, 'fallback', { question: `during ${i}` });
      expect(await store.flush()).toBe(false);
      expect(store.health()).toMatchObject({ state: 'degraded', writable: false, queued: 5, dropped: 0, lastError: { code: expect.any(String) } });
      expect(await store.flush()).toBe(false);
      await where.heal();
      expect(await store.flush()).toBe(true);
      expect(store.health()).toMatchObject({ state: 'ok', writable: true, queued: 0, dropped: 0, spilled: 2, written: 8 });
      await store.close();
      const errors = log.lines().filter((line) => line.code === ErrorCodes.STORE_FAILED && line.level === 50);
      expect(errors).toHaveLength(1);
      const rows = await read(where, (reader) => reader.reviewRows({ since: 0, limit: 20 }));
      expect(rows.map((row) => row.question).sort()).toEqual(['before', ...Array.from({ length: 7 }, (_, i) => `during ${i}`)]);
      expect(spillFiles(where.dataDir).size).toBe(0);
    });

    it('records beyond the bound during an outage go to the spill file, not lost; the next start writes every one once', async () => {
      const where = await place();
      const log = (await import('../../../doubles/log-sink.js')).createLogSink();
      const store = await where.open({ maxQueued: 3, retryMs: 0, flushAt: 1_000, log });
      ask(store, T, 'fallback', { question: 'before' });
      expect(await store.flush()).toBe(true);
      await where.break();
      for (let i = 0; i < 8; i += 1) ask(store, T + 1 + i, 'fallback', { question: `during ${i}` });
      store.recordFeedback({ at: T + 20, adapter: 'console', conversation: 'h', useful: false, entry: 'legal-aid.where', question: '法援在哪' });
      expect(await store.flush()).toBe(false);
      await store.close();
      expect(store.health()).toMatchObject({ state: 'closed', dropped: 0, spilled: 9 });
      expect(log.lines().filter((line) => line.code === ErrorCodes.STORE_RECORDS_LOST)).toEqual([]);
      expect(log.lines().filter((line) => line.code === ErrorCodes.STORE_RECORDS_SPILLED).length).toBeGreaterThan(0);
      const spilled = [...spillFiles(where.dataDir).values()].join('').trim().split('\n');
      expect(spilled).toHaveLength(9);
      expect(JSON.parse(spilled[0] as string)).toMatchObject({ uid: expect.stringMatching(/^[0-9a-f-]{36}$/), type: 'message', record: { question: expect.any(String) } });

      await where.heal();
      const again = await where.open();
      expect(await again.flush()).toBe(true);
      expect(spillFiles(where.dataDir).size).toBe(0);
      await again.close();
      const days = await read(where, (reader) => reader.dailyStats({ since: 0 }));
      expect(days.reduce((sum, day) => sum + day.total, 0)).toBe(9);
      expect(days.reduce((sum, day) => sum + day.notUseful, 0)).toBe(1);
    });

    it('a spill file replayed again (a crash before it was removed) adds no row twice', async () => {
      const where = await place();
      const store = await where.open({ retryMs: 0 });
      await where.break();
      for (let i = 0; i < 5; i += 1) ask(store, T + i, 'fallback', { question: `q${i}` });
      await store.close();
      const kept = spillFiles(where.dataDir);
      expect(kept.size).toBe(1);
      await where.heal();
      const first = await where.open();
      expect(await first.flush()).toBe(true);
      await first.close();
      // As if the process had died after writing the records, before removing the file.
      const dir = path.join(where.dataDir, SPILL_DIR);
      for (const [name, text] of kept) fs.writeFileSync(path.join(dir, name), text);
      const second = await where.open();
      expect(await second.flush()).toBe(true);
      await second.close();
      expect(spillFiles(where.dataDir).size).toBe(0);
      const rows = await read(where, (reader) => reader.reviewRows({ since: 0, limit: 20 }));
      expect(rows.map((row) => [row.question, row.count]).sort()).toEqual([['q0', 1], ['q1', 1], ['q2', 1], ['q3', 1], ['q4', 1]]);
    });
  });
}
