/**
 * The shared state on a real Redis (started once for this file): two instances see the same
 * conversations, counters, cache, locks and broadcasts; an outage is logged once, answered
 * around (nothing waits, nothing throws) and ended by itself.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import { openRedis, type RedisConnection } from '../../../../src/service/redis/redis-connection.js';
import { openRedisState } from '../../../../src/service/shared-state/redis-state.js';
import type { SharedState } from '../../../../src/service/shared-state/shared-state.js';
import { createLogSink, type LogSink } from '../../../doubles/log-sink.js';
import { missingServers, startRedis, type RedisServer } from '../../../doubles/real-servers.js';
import { eventually } from '../../../doubles/eventually.js';

const missing = missingServers();
let server: RedisServer;
let prefixes = 0;
const opened: SharedState[] = [];

/** Two instances on the same Redis under a prefix of their own. */
async function pair(options: { idleMs?: number; ratePerMinute?: number; probeEveryMs?: number } = {}) {
  prefixes += 1;
  const keyPrefix = `t${prefixes}:`;
  const make = async (log: LogSink) => {
    const redis: RedisConnection = openRedis({ url: server.url, keyPrefix, logger: log.logger, commandTimeoutMs: 200, probeEveryMs: options.probeEveryMs });
    if (!(await redis.ready(10_000))) throw new Error('Redis not ready');
    const state = openRedisState({ redis, logger: log.logger, hash: (key) => `h-${key}`, sessionIdleMs: options.idleMs ?? 60_000, ratePerMinute: options.ratePerMinute ?? 0 });
    opened.push(state);
    return { state, redis, log };
  };
  return { keyPrefix, one: await make(createLogSink()), two: await make(createLogSink()) };
}

/** Resolves once `count` connections listen for reload broadcasts under the instance's prefix. */
async function subscribed(instance: { redis: RedisConnection }, count: number): Promise<void> {
  const channel = `${instance.redis.prefix}reload`;
  await eventually(async () => {
    const [, listening] = (await instance.redis.client.pubsub('NUMSUB', channel)) as [string, number];
    return Number(listening) >= count;
  });
}

describe.skipIf(missing !== undefined)(missing ?? 'shared state on Redis', () => {
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await Promise.allSettled(opened.map((state) => state.close()));
    await server?.close();
  });

  it('conversations are shared and forgotten after the idle time; Redis sees only the hash', async () => {
    const { keyPrefix, one, two } = await pair({ idleMs: 150 });
    await one.state.sessions.write('telegram:4242', { topic: 'legal-aid', choices: ['e:legal-aid.where'] });
    expect(await two.state.sessions.read('telegram:4242')).toEqual({ topic: 'legal-aid', choices: ['e:legal-aid.where'] });
    const keys = await one.redis.client.keys(`${keyPrefix}*`);
    expect(keys).toEqual([`${keyPrefix}session:h-telegram:4242`]);
    await eventually(async () => (await two.state.sessions.read('telegram:4242')) === undefined);
  });

  it('the rate limit counts across instances: one notice, then silence', async () => {
    const { one, two } = await pair({ ratePerMinute: 3 });
    const verdicts = [];
    for (let i = 0; i < 6; i += 1) verdicts.push(await (i % 2 ? two : one).state.limiter.admit('web:abc'));
    expect(verdicts).toEqual(['ok', 'ok', 'ok', 'notice', 'silent', 'silent']);
    expect(await one.state.limiter.admit('web:other')).toBe('ok');
  });

  it('a cache claim is won once; values expire', async () => {
    const { one, two } = await pair();
    expect(await one.state.cache.claim('msg:1', 1_000)).toBe(true);
    expect(await two.state.cache.claim('msg:1', 1_000)).toBe(false);
    // A claim can say who holds it: the winner's value stays, the loser's is not written.
    expect(await one.state.cache.claim('pair:1', 1_000, 'digest-a')).toBe(true);
    expect(await two.state.cache.claim('pair:1', 1_000, 'digest-b')).toBe(false);
    expect(await two.state.cache.get('pair:1')).toBe('digest-a');
    await two.state.cache.set('token', 'abc', 100);
    expect(await one.state.cache.get('token')).toBe('abc');
    await eventually(async () => (await one.state.cache.get('token')) === undefined);
  });

  it('a lock is held by one instance at a time, named to the other, freed on release or expiry', async () => {
    const { keyPrefix, one, two } = await pair();
    const first = await one.state.locks.acquire('poller', { ttlMs: 300 });
    expect(first.acquired).toBe(true);
    expect(await two.state.locks.acquire('poller', { ttlMs: 300 })).toEqual({ acquired: false, holder: one.state.instance });
    await sleep(400); // past the expiry, renewed meanwhile: still held
    expect((await two.state.locks.acquire('poller', { ttlMs: 300 })).acquired).toBe(false);
    if (first.acquired) await first.lock.release();
    const second = await two.state.locks.acquire('poller', { ttlMs: 300 });
    expect(second.acquired).toBe(true);

    // A holder that died (no renewal) frees the lock within its expiry.
    await one.redis.client.set(`${keyPrefix}lock:dead`, 'a-dead-instance', 'PX', 100);
    expect(await one.state.locks.acquire('dead', { ttlMs: 300 })).toEqual({ acquired: false, holder: 'a-dead-instance' });
    await eventually(async () => (await one.state.locks.acquire('dead', { ttlMs: 300 })).acquired);
  });

  it('a holder whose lock another instance took hears that it lost it', async () => {
    const { keyPrefix, one } = await pair();
    const result = await one.state.locks.acquire('taken', { ttlMs: 300 });
    if (!result.acquired) throw new Error('not acquired');
    let lost = false;
    result.lock.onLost(() => (lost = true));
    await one.redis.client.set(`${keyPrefix}lock:taken`, 'another-instance', 'PX', 10_000);
    await eventually(() => lost);
  });

  it('a reload is broadcast to the other instance, not back to itself', async () => {
    const { one, two } = await pair();
    const heardOne: string[] = [];
    const heardTwo: string[] = [];
    one.state.reloads.subscribe((reason) => heardOne.push(reason));
    two.state.reloads.subscribe((reason) => heardTwo.push(reason));
    await subscribed(one, 2);
    await one.state.reloads.publish('watch');
    await eventually(() => heardTwo.length === 1);
    expect(heardTwo).toEqual(['broadcast']);
    expect(heardOne).toEqual([]);
  });

  it('a hang (SIGSTOP): noticed within the timeout by one command, then nobody waits on Redis until a probe is answered', async () => {
    const { keyPrefix, one, two } = await pair({ ratePerMinute: 2, probeEveryMs: 100 });
    await one.state.sessions.write('web:h', { topic: 'notary' });
    server.pause();
    try {
      let started = performance.now();
      expect(await one.state.sessions.read('web:h')).toBeUndefined();
      expect(performance.now() - started).toBeLessThan(1_000); // the 200 ms timeout, with room for a loaded machine
      expect(one.redis.up).toBe(false);
      expect(one.state.health()).toMatchObject({ state: 'degraded', reason: 'hung', timeoutMs: 200, since: expect.any(Number) });
      // Every user of this connection goes on at once: sessions, limits (in memory), cache, locks, broadcasts.
      started = performance.now();
      await one.state.sessions.write('web:h', { topic: 'mediation' });
      expect([await one.state.limiter.admit('web:h'), await one.state.limiter.admit('web:h'), await one.state.limiter.admit('web:h')]).toEqual(['ok', 'ok', 'notice']);
      expect(await one.state.cache.claim('msg:h', 1_000)).toBe(true);
      expect((await one.state.locks.acquire('hung-lock', { ttlMs: 1_000 })).acquired).toBe(true);
      await one.state.reloads.publish('watch');
      const lock = await one.state.conversationLocks.acquire('web:h');
      await lock?.release();
      expect(performance.now() - started).toBeLessThan(150); // less than one timeout for all of them
      expect(one.log.lines().filter((line) => line.code === ErrorCodes.REDIS_UNAVAILABLE && line.level === 50)).toHaveLength(1);
    } finally {
      server.resume();
    }
    await eventually(() => one.redis.up, 5_000);
    expect(one.state.health()).toMatchObject({ state: 'ok' });
    expect(one.log.lines().some((line) => line.msg === 'Redis answers again: shared state in use again')).toBe(true);
    await one.state.sessions.write('web:h2', { topic: 'notary' });
    expect(await two.state.sessions.read('web:h2')).toEqual({ topic: 'notary' });
    // The instance lock granted meanwhile is taken for real at its next renewal.
    await eventually(async () => (await one.redis.client.get(`${keyPrefix}lock:hung-lock`)) !== null);
  });

  it('an outage: answered around at once, logged once, over by itself (and broadcasts possibly missed are made up for)', async () => {
    const { one } = await pair({ ratePerMinute: 2 });
    const heard: string[] = [];
    const listener = await pair();
    listener.two.state.reloads.subscribe((reason) => heard.push(reason));
    await subscribed(listener.two, 1);
    await one.state.sessions.write('web:x', { topic: 'notary' });
    await server.stop('kill');
    await eventually(() => !one.redis.up);
    const started = performance.now();
    expect(await one.state.sessions.read('web:x')).toBeUndefined();
    await one.state.sessions.write('web:x', { topic: 'notary' });
    // Counted in memory meanwhile, so the limit still holds on this instance.
    expect([await one.state.limiter.admit('web:x'), await one.state.limiter.admit('web:x'), await one.state.limiter.admit('web:x')]).toEqual(['ok', 'ok', 'notice']);
    expect(performance.now() - started).toBeLessThan(100);
    expect(one.state.health()).toMatchObject({ state: 'degraded', since: expect.any(Number) });
    await sleep(300); // a few reconnection attempts
    await server.start();
    await eventually(() => one.redis.up, 10_000);
    expect(one.state.health()).toMatchObject({ state: 'ok' });
    const lines = one.log.lines();
    expect(lines.filter((line) => line.code === ErrorCodes.REDIS_UNAVAILABLE && line.level === 50)).toHaveLength(1);
    expect(lines.some((line) => line.msg === 'Redis is back: shared state in use again')).toBe(true);
    await eventually(() => heard.includes('broadcast-missed'), 10_000);
    // The state written before the outage is gone with the server (no persistence here); new state is kept again.
    await one.state.sessions.write('web:y', { topic: 'mediation' });
    const reader = new Redis(server.url);
    try {
      expect(await reader.get(`${one.redis.prefix}session:h-web:y`)).toContain('mediation');
    } finally {
      reader.disconnect(); // a client left open reconnects for ever once the server is gone
    }
  });
});
