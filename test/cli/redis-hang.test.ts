/**
 * A hung Redis (issue 28): the server frozen with SIGSTOP, so connections stay open and nothing
 * answers (as a partition without resets). The instance notices within REDIS_TIMEOUT_MS, goes
 * on without Redis (no message pays the timeout again while it lasts), says so on /readyz and
 * in `qlb_dependency_up`, and uses Redis again once it answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../doubles/eventually.js';
import { missingServers, startRedis, type RedisServer } from '../doubles/real-servers.js';
import { startServe, type ServeInstance } from '../doubles/serve-instance.js';

const missing = missingServers();
if (missing) process.stderr.write(`redis-hang tests skipped: ${missing}\n`);

let redis: RedisServer;
let bot: ServeInstance;
let dataDir: string;

const redisUp = async () => /qlb_dependency_up\{dependency="redis"\} (\d)/.exec(await (await fetch(`${bot.address}metrics`)).text())?.[1];

describe.skipIf(missing !== undefined)(missing ?? 'a hung Redis', () => {
  beforeAll(async () => {
    redis = await startRedis();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-hang-'));
    bot = await startServe({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'qlb-hang:', REDIS_TIMEOUT_MS: '1000', RATE_LIMIT_PER_MINUTE: '1000', HTTP_RATE_PER_MINUTE: '0', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'off' });
  }, 60_000);

  afterAll(async () => {
    redis?.resume();
    await bot?.stop();
    await redis?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is noticed within the timeout, then answered around without waiting on it until it answers again', async () => {
    await bot.ask('hang-before', '法律援助');
    expect(await redisUp()).toBe('1');
    redis.pause();

    // The first message pays the timeout once, not once per command (lock, session, limit, save).
    const started = performance.now();
    expect((await bot.ask('hang-first', '法律援助在哪里申请')).kind).toBe('answer');
    expect(performance.now() - started).toBeLessThan(2_000);
    // Every later message is answered without a Redis call: none waits anywhere near the timeout.
    for (let i = 0; i < 10; i += 1) {
      const sent = performance.now();
      expect((await bot.ask(`hang-during-${i}`, '法律援助在哪里申请')).kind).toBe('answer');
      expect(performance.now() - sent).toBeLessThan(500);
    }

    const ready = await bot.get('/readyz');
    expect(ready.body).toMatchObject({ status: 'degraded', checks: { redis: { ok: false, optional: true } } });
    expect(String((ready.body.checks as { redis: { detail: string } }).redis.detail)).toMatch(/not answering within 1000 ms/);
    expect(await redisUp()).toBe('0');
    expect(bot.logs()).toContain('QLB_REDIS_UNAVAILABLE');

    redis.resume();
    await eventually(async () => (await bot.get('/readyz')).body.status === 'ready');
    expect(await redisUp()).toBe('1');
    // Conversations are shared again: a list opened now is picked from.
    await bot.ask('hang-after', '法律援助');
    expect((await bot.ask('hang-after', '2')).kind).toBe('answer');
  });
});
