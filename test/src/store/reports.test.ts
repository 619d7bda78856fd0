import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageStore } from '../../../src/store/message-store.js';
import { dailyStats, fallbackRate, feedbackByEntry, groupKey, openStoreForReading, reviewRows } from '../../../src/store/reports.js';
import { openSqliteStore } from '../../../src/store/sqlite-store.js';
import { createLogSink } from '../../doubles/log-sink.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const T = new Date(2025, 2, 10, 12, 0).getTime(); // local noon, 10 March 2025
const HOUR = 60 * 60_000;

function storeIn(): { store: MessageStore; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-reports-'));
  dirs.push(dataDir);
  return { store: openSqliteStore({ dataDir, logger: createLogSink().logger }), dataDir };
}

function ask(store: MessageStore, at: number, kind: string, extra: { entry?: string; topic?: string; question?: string } = {}) {
  store.recordMessage({ at, adapter: 'wechat', conversation: 'h', kind, latencyMs: 1, ...extra });
}

describe('review grouping', () => {
  it('groups alike questions (width, case, script, spacing, punctuation, emoji) and counts them', () => {
    expect(groupKey('离婚 怎么办?')).toBe(groupKey('離婚怎麼辦?!😢'));
    expect(groupKey('ＡＢＣ离婚')).toBe(groupKey('abc 离婚'));
    expect(groupKey('离婚怎么办')).not.toBe(groupKey('结婚怎么办'));
  });

  it('lists unanswered and disliked questions, most frequent first, with the closest entry', () => {
    const { store, dataDir } = storeIn();
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
    store.close();

    const db = openStoreForReading(dataDir);
    if (!db) throw new Error('no store');
    const rows = reviewRows(db, { since: T - 30 * 24 * HOUR, limit: 10 });
    db.close();
    expect(rows).toEqual([
      { type: 'unanswered', key: expect.any(String), count: 3, question: expect.stringMatching(/离婚|離婚/), kinds: 'fallback 2, clarify 1', entry: 'mediation.how', lastAt: T + 2 },
      { type: 'unanswered', key: '天气怎么样', count: 1, question: '天气怎么样', kinds: 'fallback 1', lastAt: T + 3 },
      { type: 'disliked', key: expect.stringMatching(/^法援在哪$/), count: 2, question: expect.stringMatching(/^法援在哪/), kinds: '👎 2', entry: 'legal-aid.where', lastAt: T + 6 },
      { type: 'disliked', key: 'entry:notary.cost', count: 1, question: '', kinds: '👎 1', entry: 'notary.cost', lastAt: T + 7 },
    ]);
  });

  it('leaves out the groups staff dealt with, before counting up to the limit', () => {
    const { store, dataDir } = storeIn();
    ask(store, T, 'fallback', { question: '天气怎么样' });
    ask(store, T + 1, 'fallback', { question: '股票怎么买' });
    ask(store, T + 2, 'fallback', { question: '股票怎么买' });
    store.close();
    const db = openStoreForReading(dataDir);
    if (!db) throw new Error('no store');
    const hide = (row: { key: string }) => row.key === '股票怎么买';
    const rows = reviewRows(db, { since: T - HOUR, limit: 1, hide });
    db.close();
    expect(rows.map((row) => row.question)).toEqual(['天气怎么样']);
  });

  it('there is nothing to read before anything was recorded', () => {
    expect(openStoreForReading(path.join(os.tmpdir(), 'qlb-no-such-dir'))).toBeUndefined();
  });
});

describe('stats', () => {
  it('counts per day and kind, answers per topic, feedback, and the fallback rate', () => {
    const { store, dataDir } = storeIn();
    ask(store, T, 'answer', { entry: 'legal-aid.where', topic: 'legal-aid' });
    ask(store, T + 1, 'answer', { entry: 'legal-aid.cost', topic: 'legal-aid' });
    ask(store, T + 2, 'answer', { entry: 'notary.where', topic: 'notary' });
    ask(store, T + 3, 'fallback', { question: 'x' });
    ask(store, T + 4, 'menu');
    ask(store, T - 24 * HOUR, 'clarify', { question: 'y' });
    store.recordFeedback({ at: T, adapter: 'console', conversation: 'h', useful: true, entry: 'notary.where' });
    store.recordFeedback({ at: T, adapter: 'console', conversation: 'h', useful: false, entry: 'legal-aid.cost' });
    store.close();

    const db = openStoreForReading(dataDir);
    if (!db) throw new Error('no store');
    const days = dailyStats(db, { since: T - 7 * 24 * HOUR });
    expect(days).toEqual([
      { day: '2025-03-10', total: 5, kinds: { answer: 3, fallback: 1, menu: 1 }, topics: { 'legal-aid': 2, notary: 1 }, useful: 1, notUseful: 1 },
      { day: '2025-03-09', total: 1, kinds: { clarify: 1 }, topics: {}, useful: 0, notUseful: 0 },
    ]);
    expect(fallbackRate(days[0]?.kinds ?? {})).toBe(0.25);
    expect(fallbackRate({ menu: 3 })).toBeUndefined();
    expect(feedbackByEntry(db, { since: 0, limit: 5 })[0]).toEqual({ entry: 'legal-aid.cost', useful: 0, notUseful: 1 });
    db.close();
  });
});
