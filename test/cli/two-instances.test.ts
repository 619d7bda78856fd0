/**
 * Several `serve` instances behind one Redis and one PostgreSQL (issue 15), against real
 * servers started once for this file: conversations, limits, reloads and records are shared;
 * one instance dying loses nothing of another's; Redis stopping never stops answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saltedHash } from '../../src/service/store/message-store.js';
import { runCli } from '../doubles/cli.js';
import { copyKnowledge, type KnowledgeCopy } from '../doubles/knowledge-copy.js';
import { missingServers, startPostgres, startRedis, type PostgresServer, type RedisServer } from '../doubles/real-servers.js';
import { spawnServe, startServe, type ServeInstance } from '../doubles/serve-instance.js';
import { eventually } from '../doubles/eventually.js';

const missing = missingServers();
if (missing) process.stderr.write(`two-instance tests skipped: ${missing}\n`);

const PREFIX = 'qlb-two:';
let redis: RedisServer;
let postgres: PostgresServer;
let databaseUrl: string;
let knowledge: KnowledgeCopy;
let a: ServeInstance;
let b: ServeInstance;
const dirs: string[] = [];

const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-two-'));
  dirs.push(dir);
  return dir;
};

/** What every instance shares; each has its own DATA_DIR, as on separate hosts. */
const sharedEnv = () => ({
  REDIS_URL: redis.url,
  REDIS_KEY_PREFIX: PREFIX,
  DATABASE_URL: databaseUrl,
  KNOWLEDGE_DIR: knowledge.dir,
  RATE_LIMIT_PER_MINUTE: '6',
  HTTP_RATE_PER_MINUTE: '0',
  STAFF_IDS: 'web:staff-console-b',
  // The staff console's cookies are signed alike on every instance.
  STAFF_SESSION_SECRET: 'two-instances-staff-session-secret-0123456789',
  DATA_DIR: tempDir(),
});

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(missing !== undefined)(missing ?? 'two serve instances on one Redis and one PostgreSQL', () => {
  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    databaseUrl = await postgres.createDatabase('two_instances');
    knowledge = copyKnowledge();
    // A watches the knowledge folder, B does not: B learns of edits only through the broadcast.
    [a, b] = await Promise.all([startServe({ ...sharedEnv(), KNOWLEDGE_WATCH: 'on' }), startServe({ ...sharedEnv(), KNOWLEDGE_WATCH: 'off' })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await Promise.allSettled([redis?.close(), postgres?.stop()]);
    knowledge?.cleanup();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a conversation whose turns alternate between them keeps its numbered list and its topic', async () => {
    const list = await a.ask('alternating-1', '法律援助');
    expect(list).toMatchObject({ kind: 'clarify', awaits: 'pick' });
    const second = (list.choices as Array<{ id: string }>)[1]?.id;
    const picked = await b.ask('alternating-1', '2');
    expect(picked.kind).toBe('answer');
    expect(`e:${String(picked.entry)}`).toBe(second);
    const followUp = await a.ask('alternating-1', '那要带什么材料');
    expect(followUp).toMatchObject({ kind: 'answer', entry: 'legal-aid.materials' });
    // The same follow-up in a conversation without that topic is not understood.
    expect((await b.ask('alternating-2', '那要带什么材料')).kind).toBe('fallback');
  });

  it('the rate limit counts messages to both', async () => {
    const kinds: string[] = [];
    for (let i = 0; i < 8; i += 1) kinds.push((await (i % 2 === 0 ? a : b).ask('limited-1', '法律援助在哪里申请')).kind);
    expect(kinds.slice(0, 6)).toEqual(Array(6).fill('answer'));
    expect(kinds.slice(6)).toEqual(['limited', 'limited']);
    // Over the limit, whichever instance the next message lands on: the polite note again, never an empty reply (issue 26).
    const again = await a.ask('limited-1', '法律援助在哪里申请');
    expect(again.kind).toBe('limited');
    expect(again.text).toMatch(/\S/);
  });

  it('a knowledge edit reloaded on one instance is served by both; a staff /reload is broadcast too', async () => {
    const question = '曲江区法律援助的测试暗号是什么';
    // Before the edit nothing answers it (it names legal aid, so the bot may ask which part is meant).
    expect((await b.ask('reload-1', question)).entry).not.toBe('legal-aid.where');
    knowledge.editEntries('legal-aid.yaml', (entries) =>
      entries.map((entry) => (entry.id === 'legal-aid.where' ? { ...entry, questions: [...entry.questions, question] } : entry)),
    );
    // A sees the edit (it watches) and broadcasts; B reloads on the broadcast alone.
    for (const [n, instance] of [a, b].entries()) {
      await eventually(async () => (await instance.ask(`reload-2-${n}-${Date.now()}`, question)).entry === 'legal-aid.where');
    }

    const heard: string[] = [];
    const listener = new Redis(redis.url);
    await listener.subscribe(`${PREFIX}reload`);
    listener.on('message', (_channel: string, message: string) => heard.push(message));
    expect((await b.ask('staff-console-b', '/reload')).kind).toBe('staff');
    await eventually(async () => heard.length > 0);
    expect(JSON.parse(heard[0] as string)).toMatchObject({ reason: 'staff' });
    listener.disconnect();
  });

  it('review lists the unanswered questions of both', async () => {
    await a.ask('review-a-1', '明天会下雨吗');
    await b.ask('review-b-1', '股票明天涨不涨');
    const env = { DATABASE_URL: databaseUrl, KNOWLEDGE_DIR: knowledge.dir, DATA_DIR: tempDir() };
    const review = await eventually(async () => {
      const { stdout } = await runCli(['review'], { env });
      return stdout.includes('明天会下雨吗') && stdout.includes('股票明天涨不涨') && stdout;
    });
    expect(review).toMatch(/^未答出的问题/);
  });

  it('the staff console on either instance: one account, one login, one audit log, in PostgreSQL', async () => {
    const added = await runCli(['staff', 'add', '王芳'], { input: 'shared password 1\n', env: { DATABASE_URL: databaseUrl, DATA_DIR: tempDir() } });
    expect(added.code).toBe(0);
    const cookies = (response: Response) => response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const loginPage = await fetch(`${a.address}staff/login`);
    const token = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())?.[1] ?? '';
    const login = await fetch(`${a.address}staff/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookies(loginPage) },
      body: new URLSearchParams({ name: '王芳', password: 'shared password 1', _csrf: token }).toString(),
    });
    expect(login.status).toBe(303);
    const session = cookies(login).split('; ').filter((c) => c.startsWith('qlb_staff=')).join('; ');
    const audit = await fetch(`${b.address}staff/audit`, { headers: { cookie: session } });
    expect(audit.status).toBe(200);
    const text = await audit.text();
    expect(text).toMatch(/王芳<\/td><td>登录/);
    expect(text).toMatch(/命令行\([^)]*\)<\/td><td>添加账号<\/td><td>王芳/);
  });

  it('killing one instance during a burst loses no recorded message of the other', async () => {
    const c = await spawnServe(sharedEnv());
    const n = 150;
    const ids = Array.from({ length: n }, (_, i) => `burst-a-${i}`);
    const burstA = (async () => {
      const kinds: string[] = [];
      for (let i = 0; i < n; i += 10) kinds.push(...(await Promise.all(ids.slice(i, i + 10).map((id) => a.ask(id, '明天会下雨吗')))).map((r) => r.kind));
      return kinds;
    })();
    let answeredByC = 0;
    const burstC = (async () => {
      for (let i = 0; i < n; i += 1) {
        const reply = await c.ask(`burst-c-${i}`, '明天会下雨吗').catch(() => undefined);
        if (!reply) return;
        answeredByC += 1;
        if (answeredByC === 40) void c.kill();
      }
    })();
    const [kinds] = await Promise.all([burstA, burstC]);
    expect(kinds).toEqual(Array(n).fill('fallback'));
    expect(answeredByC).toBeGreaterThanOrEqual(40);
    expect(answeredByC).toBeLessThan(n);

    const [salt] = await query<{ value: string }>(`SELECT value FROM settings WHERE name = 'conversation-salt'`);
    const hashes = ids.map((id) => saltedHash(salt?.value ?? '', `web:${id}`));
    const recorded = await eventually(async () => {
      const [row] = await query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE conversation = ANY($1)', [hashes]);
      return row?.n === n && row.n;
    });
    expect(recorded).toBe(n);
  });

  it('stopping Redis mid-run keeps answers coming; /readyz says degraded; state is shared again once it is back', async () => {
    const replies: string[] = [];
    for (let i = 0; i < 5; i += 1) replies.push((await (i % 2 === 0 ? a : b).ask(`outage-${i}`, '法律援助在哪里申请')).kind);
    await redis.stop('kill');
    for (let i = 5; i < 25; i += 1) replies.push((await (i % 2 === 0 ? a : b).ask(`outage-${i}`, '法律援助在哪里申请')).kind);
    expect(replies).toEqual(Array(25).fill('answer'));

    const ready = await a.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { redis: { ok: false, optional: true }, knowledge: { ok: true } } });
    expect(a.logs()).toContain('QLB_REDIS_UNAVAILABLE');

    await redis.start();
    await eventually(async () => (await b.get('/readyz')).body.status === 'ready' && (await a.get('/readyz')).body.status === 'ready');
    await a.ask('after-outage', '法律援助');
    expect((await b.ask('after-outage', '2')).kind).toBe('answer');
  });
});
