/**
 * The deployment's salt against real Redis and PostgreSQL: read from PostgreSQL (copied to
 * Redis), from Redis's copy while PostgreSQL is down, waited for when neither has it (never a
 * salt of this instance's own), adopted when PostgreSQL holds another, reported as a mismatch
 * when Redis holds another and PostgreSQL cannot settle it.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import { openDeploymentSalt, type DeploymentSalt } from '../../../../src/service/store/deployment-salt.js';
import { openRedis, type RedisConnection } from '../../../../src/service/redis/redis-connection.js';
import { createPool, type Pool } from '../../../../src/service/store/postgres/pool.js';
import { eventually } from '../../../doubles/eventually.js';
import { createLogSink, type LogSink } from '../../../doubles/log-sink.js';
import { missingServers, startPostgres, startRedis, type PostgresServer, type RedisServer } from '../../../doubles/real-servers.js';

const missing = missingServers();
let redisServer: RedisServer;
let postgres: PostgresServer;
let reader: Redis;
const opened: Array<{ close(): unknown }> = [];
let databases = 0;

const local = () => randomBytes(32).toString('hex');

async function sources(options: { postgres?: boolean } = {}) {
  databases += 1;
  const prefix = `salt${databases}:`;
  const log = createLogSink();
  const redis: RedisConnection = openRedis({ url: redisServer.url, keyPrefix: prefix, logger: log.logger });
  opened.push(redis);
  await redis.ready(5_000);
  let pool: Pool | undefined;
  if (options.postgres !== false) {
    pool = createPool({ url: await postgres.createDatabase(`salt_${databases}`), logger: log.logger, connectTimeoutMs: 500 });
    opened.push({ close: () => pool?.end() });
  }
  const open = async (salt = local()) => {
    const deployment = await openDeploymentSalt({ local: salt, postgres: pool, redis, logger: log.logger, timeoutMs: 1_000, retryMs: 50 });
    opened.push(deployment);
    return deployment;
  };
  return { redis, pool, log, open, copy: () => reader.get(`${prefix}conversation-salt`), setCopy: (value: string) => reader.set(`${prefix}conversation-salt`, value) };
}

const lines = (log: LogSink, code: string) => log.lines().filter((line) => line.code === code);

describe.skipIf(missing !== undefined)(missing ?? 'the deployment salt', () => {
  beforeAll(async () => {
    [redisServer, postgres] = await Promise.all([startRedis(), startPostgres()]);
    reader = new Redis(redisServer.url);
  }, 60_000);
  afterAll(async () => {
    await Promise.allSettled(opened.map((item) => item.close()));
    reader?.disconnect();
    await Promise.allSettled([redisServer?.close(), postgres?.stop()]);
  });

  it('the first instance proposes its salt to PostgreSQL and Redis keeps a copy; the next one uses it', async () => {
    const { open, copy } = await sources();
    const first = local();
    const one = await open(first);
    const two = await open();
    expect([one.value, two.value]).toEqual([first, first]);
    expect(two.health()).toEqual({ state: 'ok', shared: true, from: 'postgres' });
    expect(await copy()).toBe(first);
    expect(two.hash('web:a')).toBe(one.hash('web:a'));
  });

  it('PostgreSQL down and no copy in Redis: waits, hashes nothing, then takes the salt once PostgreSQL is back', async () => {
    const { open, copy, log } = await sources();
    const first = (await open()).value ?? '';
    await postgres.down();
    let late: DeploymentSalt;
    const heard: string[] = [];
    try {
      await reader.flushall(); // Redis restarted empty
      late = await open();
      late.onChange((salt) => heard.push(salt));
      expect(late.value).toBeUndefined();
      expect(late.hash('web:a')).toBeUndefined();
      expect(late.health()).toMatchObject({ state: 'waiting', shared: true, since: expect.any(Number), detail: expect.stringContaining('holds no copy') });
      expect(await copy()).toBeNull();
      expect(lines(log, ErrorCodes.SALT_WAITING)).toHaveLength(1);
    } finally {
      await postgres.up();
    }
    await eventually(() => late.value !== undefined, 10_000);
    expect(late.value).toBe(first);
    expect(heard).toEqual([first]);
    expect(await copy()).toBe(first);
  });

  it('PostgreSQL holding another salt: adopted (logged); Redis holding another while PostgreSQL is down: a mismatch until it can be settled', async () => {
    const { open, pool, setCopy, copy, log } = await sources();
    const instance = await open();
    const before = instance.value ?? '';
    const other = local();
    await pool?.query(`UPDATE settings SET value = $1 WHERE name = 'conversation-salt'`, [other]);
    await instance.check();
    expect(instance.value).toBe(other);
    expect(await copy()).toBe(other);
    expect(lines(log, ErrorCodes.SALT_MISMATCH)).toHaveLength(1);
    expect(before).not.toBe(other);

    await setCopy(local());
    await postgres.down();
    try {
      await instance.check();
      expect(instance.health()).toMatchObject({ state: 'mismatch', since: expect.any(Number), detail: expect.stringContaining('Redis holds another salt') });
      expect(instance.value).toBe(other); // kept until it can be settled
    } finally {
      await postgres.up();
    }
    await eventually(async () => (await instance.check(), instance.health().state === 'ok'), 10_000);
    expect(await copy()).toBe(other);
  });

  it('Redis alone: kept there; an instance that cannot reach it waits instead of using its own', async () => {
    const { open, copy } = await sources({ postgres: false });
    const first = local();
    const early = await open(first);
    expect(early.health()).toMatchObject({ state: 'ok', from: 'redis' });
    expect(await copy()).toBe(first);

    await redisServer.stop('kill');
    let late: DeploymentSalt;
    try {
      late = await open();
      expect(late.health()).toMatchObject({ state: 'waiting', detail: 'Redis cannot be read' });
    } finally {
      await redisServer.start();
    }
    // Redis came back empty: whichever salt is put there first, both instances end up with it.
    await eventually(() => late.value !== undefined, 15_000);
    await eventually(async () => (await early.check(), early.value === late.value));
    expect(await copy()).toBe(late.value);
  });
});
