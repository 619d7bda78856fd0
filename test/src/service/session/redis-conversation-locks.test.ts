/**
 * Conversation locks on a real Redis: two instances hand a conversation to one turn at a
 * time; a lock that expired and went to another is not freed by its late first holder; with
 * Redis gone each instance locks on its own at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedis, type RedisConnection } from '../../../../src/service/redis/redis-connection.js';
import { createRedisConversationLocks } from '../../../../src/service/session/redis-conversation-locks.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { missingServers, startRedis, type RedisServer } from '../../../doubles/real-servers.js';

const missing = missingServers();
let server: RedisServer;
const connections: RedisConnection[] = [];
let prefixes = 0;

async function instances(options: { waitMs?: number; holdMs?: number } = {}) {
  prefixes += 1;
  const keyPrefix = `locks${prefixes}:`;
  const make = async () => {
    const redis = openRedis({ url: server.url, keyPrefix, logger: createLogSink().logger });
    connections.push(redis);
    if (!(await redis.ready(10_000))) throw new Error('Redis not ready');
    return { redis, locks: createRedisConversationLocks({ redis, hash: (key) => `h-${key}`, ...options }) };
  };
  return [await make(), await make()] as const;
}

describe.skipIf(missing !== undefined)(missing ?? 'conversation locks on Redis', () => {
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await Promise.allSettled(connections.map((redis) => redis.close()));
    await server?.close();
  });

  it('one turn at a time across instances; the other goes on once it is released', async () => {
    const [one, two] = await instances();
    const held = await one.locks.acquire('web:c');
    expect(held).toBeDefined();
    let second = false;
    const waiting = two.locks.acquire('web:c').then((lock) => ((second = true), lock));
    expect(await two.locks.acquire('web:other')).toBeDefined();
    expect(second).toBe(false);
    await held?.release();
    const lock = await waiting;
    expect(lock).toBeDefined();
    expect(await one.redis.client.get(`${one.redis.prefix}turn:h-web:c`)).not.toBeNull();
    await lock?.release();
    expect(await one.redis.client.get(`${one.redis.prefix}turn:h-web:c`)).toBeNull();
  });

  it('a wait that runs out gives no lock; a late holder never frees a lock that went to another', async () => {
    const [one, two] = await instances({ waitMs: 50, holdMs: 100 });
    const late = await one.locks.acquire('web:c');
    expect(await two.locks.acquire('web:c')).toBeUndefined();
    // one's hold expires (a turn that overran it); two takes the conversation.
    const taken = await two.locks.acquire('web:c').then(async (lock) => lock ?? two.locks.acquire('web:c'));
    expect(taken).toBeDefined();
    await late?.release();
    expect(await two.redis.client.get(`${two.redis.prefix}turn:h-web:c`)).not.toBeNull();
    await taken?.release();
  });

  it('while the salt is not known, or Redis is gone, each instance locks on its own and nothing waits on Redis', async () => {
    const [one] = await instances();
    const unsalted = createRedisConversationLocks({ redis: one.redis, hash: () => undefined });
    const lock = await unsalted.acquire('web:c');
    expect(lock).toBeDefined();
    await lock?.release();
    expect(await one.redis.client.keys(`${one.redis.prefix}*`)).toEqual([]);

    await server.stop('kill');
    const started = performance.now();
    const alone = await one.locks.acquire('web:c');
    expect(alone).toBeDefined();
    expect(performance.now() - started).toBeLessThan(100);
    await alone?.release();
    await server.start();
  });
});
