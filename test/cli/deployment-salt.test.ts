/**
 * One salt per deployment (issue 28): an instance that starts while PostgreSQL is down, after
 * Redis restarted empty, cannot read the deployment's salt. It waits for it (not ready) and
 * answers meanwhile without shared state, never putting a salt of its own in Redis; once
 * PostgreSQL is back it takes the deployment's salt, its conversations join up with the other
 * instances', and what it recorded meanwhile is kept under the deployment's hashes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saltedHash } from '../../src/service/store/message-store.js';
import { eventually } from '../doubles/eventually.js';
import { missingServers, startPostgres, startRedis, type PostgresServer, type RedisServer } from '../doubles/real-servers.js';
import { startServe, type ServeInstance } from '../doubles/serve-instance.js';

const missing = missingServers();
if (missing) process.stderr.write(`deployment-salt tests skipped: ${missing}\n`);

const PREFIX = 'qlb-salt:';
let redis: RedisServer;
let postgres: PostgresServer;
let databaseUrl: string;
const dirs: string[] = [];
const running: ServeInstance[] = [];

/** Each instance its own DATA_DIR (its own local salt), as on separate hosts. */
const env = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-salt-'));
  dirs.push(dir);
  return { REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX, DATABASE_URL: databaseUrl, RATE_LIMIT_PER_MINUTE: '0', HTTP_RATE_PER_MINUTE: '0', DATA_DIR: dir, KNOWLEDGE_WATCH: 'off' };
};
const serve = async () => {
  const instance = await startServe(env());
  running.push(instance);
  return instance;
};

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(missing !== undefined)(missing ?? 'the deployment salt', () => {
  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    databaseUrl = await postgres.createDatabase('deployment_salt');
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(running.map((instance) => instance.stop()));
    await Promise.allSettled([redis?.close(), postgres?.stop()]);
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an instance started with PostgreSQL down after Redis restarted empty is not ready and invents no salt; it joins in once PostgreSQL is back', async () => {
    const first = await serve();
    await first.ask('salt-first-1', '法律援助');
    await first.stop();
    const [stored] = await query<{ value: string }>(`SELECT value FROM settings WHERE name = 'conversation-salt'`);
    const salt = stored?.value ?? '';
    expect(salt).toMatch(/^[0-9a-f]{32,}$/);

    await redis.stop('kill');
    await redis.start(); // empty: the copy of the salt is gone
    await postgres.down();
    let down = true;
    const reader = new Redis(redis.url);
    let late: ServeInstance;
    try {
      late = await serve();
      const waiting = await late.get('/readyz');
      expect(waiting.status).toBe(503);
      expect(waiting.body).toMatchObject({ status: 'not-ready', checks: { salt: { ok: false } } });
      // It answers meanwhile, with nothing of its own in Redis.
      expect((await late.ask('salt-waiting-1', '法律援助在哪里申请')).kind).toBe('answer');
      expect(await reader.get(`${PREFIX}conversation-salt`)).toBeNull();
      expect(await reader.keys(`${PREFIX}session:*`)).toEqual([]);

      await postgres.up();
      down = false;
      await eventually(async () => (await late.get('/readyz')).status === 200, 20_000);
      expect((await late.get('/readyz')).body).toMatchObject({ checks: { salt: { ok: true } } });
      expect(await reader.get(`${PREFIX}conversation-salt`)).toBe(salt);
    } finally {
      reader.disconnect();
      if (down) await postgres.up(); // for the next test
    }

    // Its conversations join up with another instance's.
    const other = await serve();
    const list = await late.ask('salt-after-1', '法律援助');
    expect(list.kind).toBe('clarify');
    const picked = await other.ask('salt-after-1', '2');
    expect(`e:${String(picked.entry)}`).toBe((list.choices as Array<{ id: string }>)[1]?.id);
    // What it recorded while waiting is kept under the deployment's hash.
    const conversation = saltedHash(salt, 'web:salt-waiting-1');
    await eventually(async () => (await query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE conversation = $1', [conversation]))[0]?.n === 1, 30_000);
  }, 90_000);

  it('Redis restarted empty gets its copy back from a running instance, so one started while PostgreSQL is down agrees at once', async () => {
    const [stored] = await query<{ value: string }>(`SELECT value FROM settings WHERE name = 'conversation-salt'`);
    const running = await serve();
    await redis.stop('kill');
    await redis.start();
    const reader = new Redis(redis.url);
    try {
      await eventually(async () => (await reader.get(`${PREFIX}conversation-salt`)) === stored?.value);
    } finally {
      reader.disconnect();
    }
    await postgres.down();
    try {
      const started = await serve();
      expect(await started.get('/readyz')).toMatchObject({ status: 200, body: { checks: { salt: { ok: true, detail: "the deployment's, from redis" } } } });
      const list = await running.ask('salt-copy-1', '法律援助');
      const picked = await started.ask('salt-copy-1', '2');
      expect(`e:${String(picked.entry)}`).toBe((list.choices as Array<{ id: string }>)[1]?.id);
    } finally {
      await postgres.up();
    }
  }, 60_000);
});
