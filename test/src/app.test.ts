import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/service/config/config.js';
import { ErrorCodes } from '../../src/errors.js';
import { STORE_FILE } from '../../src/service/store/sqlite-store.js';
import type { InboundMessage } from '../../src/types.js';
import { KNOWLEDGE_DIR } from '../doubles/harness.js';
import { createLogSink, type LogSink } from '../doubles/log-sink.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-app-'));
  cleanups.push(() => {
    fs.chmodSync(dir, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

async function open(env: Record<string, string>, options: AppOptions): Promise<{ app: App; log: LogSink }> {
  const log = createLogSink('info');
  const app = await createApp(loadConfig({ KNOWLEDGE_DIR, ...env }), log.logger, options);
  cleanups.push(() => app.close());
  return { app, log };
}

const text = (body: string, extra: Partial<InboundMessage> = {}): InboundMessage => ({
  adapter: 'console',
  conversationId: 'console',
  senderId: 'console-user',
  kind: 'text',
  text: body,
  ...extra,
});

async function answersStillCome(app: App) {
  for (let i = 0; i < 3; i += 1) {
    const reply = await app.handler(text('法律援助在哪里申请', { conversationId: `c${i}` }));
    expect(reply.entryId).toBe('legal-aid.where');
  }
  expect(await app.store.flush()).toBe(false);
  await app.close();
}

describe('app: the staff loop wired from config', () => {
  it('records to SQLite in DATA_DIR', async () => {
    const dataDir = tempDir();
    const { app } = await open({ DATA_DIR: dataDir }, { record: true });
    await app.handler(text('法律援助在哪里申请'));
    await app.handler(text('今天天气怎么样'));
    await app.close();
    const db = new Database(path.join(dataDir, STORE_FILE), { readonly: true });
    expect(db.prepare('SELECT kind, question FROM messages ORDER BY id').all()).toEqual([
      { kind: 'answer', question: null },
      { kind: 'fallback', question: '今天天气怎么样' },
    ]);
    db.close();
  });

  it('a data directory that cannot be written does not stop answers (path under a regular file)', async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'file'), 'x');
    const { app, log } = await open({ DATA_DIR: path.join(parent, 'file', 'data') }, { record: true });
    await answersStillCome(app);
    expect(log.lines().some((line) => line.code === ErrorCodes.STORE_FAILED)).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only (0555) data directory does not stop answers', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o555);
    const { app, log } = await open({ DATA_DIR: dataDir }, { record: true });
    await answersStillCome(app);
    expect(log.lines().some((line) => line.code === ErrorCodes.STORE_FAILED)).toBe(true);
  });

  it('typed feedback only when asked for (chat, serve), staff commands only when asked for and for STAFF_IDS', async () => {
    const env = { DATA_DIR: tempDir(), STAFF_IDS: 'console:console-user' };
    const plain = (await open(env, {})).app;
    expect((await plain.handler(text('法律援助在哪里申请'))).text).not.toContain('有用回复');
    expect((await plain.handler(text('/reload'))).kind).not.toBe('staff');

    const live = (await open(env, { textFeedback: true, staffCommands: true })).app;
    // The answer opens its suggestions as a numbered list: it is rated with words, digits pick.
    expect((await live.handler(text('法律援助在哪里申请'))).text).toContain('有用回复"有用",没用回复"没用"');
    const why = await live.handler(text('/why 公证'));
    expect(why.kind).toBe('staff');
    expect(why.text).toMatch(/问题: +公证[\s\S]*决定: +clarify/);
    // Nothing changed since the start: nothing to reload, and the reply says so.
    expect((await live.handler(text('/reload'))).text).toMatch(/知识库文件自上次加载以来没有改动/);
    expect((await live.handler(text('/why 公证', { senderId: 'someone-else' }))).kind).not.toBe('staff');
  });

  it('/why asked in a chat reads the question in that conversation, and leaves the conversation as it was', async () => {
    const env = { DATA_DIR: tempDir(), STAFF_IDS: 'console:console-user' };
    const live = (await open(env, { staffCommands: true })).app;
    const before = await live.handler(text('/why 那要带什么材料'));
    expect(before.text).not.toMatch(/决定: +answer legal-aid\.materials/);
    expect((await live.handler(text('法律援助在哪里申请'))).entryId).toBe('legal-aid.where');
    const why = await live.handler(text('/why 那要带什么材料'));
    expect(why.text).toMatch(/决定: +answer legal-aid\.materials —— 由「follow-up」步骤作出/);
    // The dry run saved nothing: the conversation still follows legal aid.
    expect((await live.handler(text('那收费吗'))).entryId).toBe('legal-aid.cost');
  });

  it('applies RATE_LIMIT_PER_MINUTE to every adapter', async () => {
    const { app } = await open({ DATA_DIR: tempDir(), RATE_LIMIT_PER_MINUTE: '2' }, {});
    const kinds = [];
    for (let i = 0; i < 4; i += 1) kinds.push((await app.handler(text('你好', { adapter: 'wechat' }))).kind);
    expect(kinds).toEqual(['menu', 'menu', 'limited', 'limited']);
  });
});

describe('config of the staff loop', () => {
  it('has defaults and parses STAFF_IDS', () => {
    const config = loadConfig({ STAFF_IDS: ' telegram:12345, wechat:wxid_abc ,console:console-user' });
    expect(config.staffIds).toEqual(['telegram:12345', 'wechat:wxid_abc', 'console:console-user']);
    expect(loadConfig({})).toMatchObject({ staffIds: [], ratePerMinute: 20, feedbackWindowMs: 120_000, retentionDays: 90, sessionMax: 50_000 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '', RETENTION_DAYS: '' })).toMatchObject({ ratePerMinute: 20, retentionDays: 90 });
  });

  it('refuses a staff id without its adapter', () => {
    expect(() => loadConfig({ STAFF_IDS: '12345' })).toThrow(/STAFF_IDS/);
  });
});
