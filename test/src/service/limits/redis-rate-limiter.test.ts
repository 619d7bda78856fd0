/**
 * The Redis limit counts the one sliding window in Redis (src/service/limits/sliding-window.ts
 * counts it in memory): fed the same hits on the same clock, the two give the same verdicts,
 * at the window's edge too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter, type Admission } from '../../../../src/service/limits/rate-limiter.js';
import { createRedisRateLimiter } from '../../../../src/service/limits/redis-rate-limiter.js';
import { openRedis, type RedisConnection } from '../../../../src/service/redis/redis-connection.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { createManualClock } from '../../../doubles/manual-clock.js';
import { missingServers, startRedis, type RedisServer } from '../../../doubles/real-servers.js';

const missing = missingServers();

/** A minute, as the core's: Redis also expires its keys in real time, which must not end a window in the test. */
const WINDOW = 60_000;
/** Milliseconds after the previous hit, and the key hit. */
const HITS: Array<[number, string]> = [
  [0, 'a'], [0, 'a'], [0, 'a'], [10, 'a'], [0, 'b'],
  [WINDOW - 11, 'a'], // 1 ms short of a window after the first two: still within it
  [1, 'a'], // a window after them: both left it
  [0, 'a'], [0, 'a'], [WINDOW / 2 - 1, 'a'], [WINDOW / 2 + 1, 'a'], [0, 'b'],
];
const EXPECTED: Admission[] = ['ok', 'ok', 'notice', 'silent', 'ok', 'silent', 'ok', 'ok', 'notice', 'silent', 'ok', 'ok'];

describe.skipIf(missing !== undefined)(missing ?? 'the rate limit in Redis', () => {
  let server: RedisServer;
  let redis: RedisConnection;
  beforeAll(async () => {
    server = await startRedis();
    redis = openRedis({ url: server.url, keyPrefix: 'window:', logger: createLogSink().logger });
    if (!(await redis.ready(10_000))) throw new Error('Redis not ready');
  });
  afterAll(async () => {
    await redis?.close();
    await server?.close();
  });

  it('gives the verdicts of the in-memory window for the same hits on the same clock', async () => {
    const clock = createManualClock();
    const options = { limit: 2, windowMs: WINDOW, clock };
    const memory = createRateLimiter(options);
    const shared = createRedisRateLimiter({ ...options, redis, hash: (key) => `h-${key}` });
    const inMemory: Admission[] = [];
    const inRedis: Admission[] = [];
    for (const [after, key] of HITS) {
      await clock.advance(after);
      inMemory.push(memory.admit(key));
      inRedis.push(await shared.admit(key));
    }
    expect(inMemory).toEqual(EXPECTED);
    expect(inRedis).toEqual(EXPECTED);
  });
});
