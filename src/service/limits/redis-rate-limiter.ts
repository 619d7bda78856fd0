/**
 * The core's per-conversation limit counted in Redis, so it holds across instances: the one
 * sliding window (src/service/limits/sliding-window.ts: a hit leaves it `windowMs` after it
 * came) and the notice-once rule of {@link createRateLimiter}, in one Lua script (a sorted set
 * of admitted times pruned at the same edge, and a flag for the notice), so instances count
 * together atomically; test/src/service/limits/redis-rate-limiter.test.ts holds the two to the
 * same verdicts. While Redis is unreachable each instance counts on that in-memory limiter,
 * so the limit still holds per instance (so does an instance that does not know the
 * deployment's salt yet).
 */
import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.js';
import { MINUTE_MS } from '../time/durations.js';
import { createRateLimiter, type Admission, type Admitter } from './rate-limiter.js';
import { systemClock, type Clock } from '../time/clock.js';

/** KEYS: window, notice flag. ARGV: now, window ms, limit, a unique member. */
const ADMIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('DEL', KEYS[2])
  return 'ok'
end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[2]) then return 'notice' end
return 'silent'`;

export interface RedisRateLimiterOptions {
  redis: RedisConnection;
  /** Messages per conversation per window; 0 admits everything. */
  limit: number;
  windowMs?: number;
  /** The salted hash of a conversation key (Redis never sees platform ids); undefined while the salt is not known. */
  hash(key: string): string | undefined;
  /** Conversations counted at most in memory while Redis is down. */
  maxKeys?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

/** The script as an ioredis command: sent once, then run by its hash (EVALSHA). */
type WithAdmit = { qlbAdmit(window: string, notice: string, at: number, windowMs: number, limit: number, member: string): Promise<string> };

export function createRedisRateLimiter(options: RedisRateLimiterOptions): Admitter {
  const { redis, limit } = options;
  redis.client.defineCommand('qlbAdmit', { numberOfKeys: 2, lua: ADMIT });
  const admitIn = (client: unknown) => (client as WithAdmit).qlbAdmit;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const windowMs = options.windowMs ?? MINUTE_MS;
  const local = createRateLimiter({ limit, windowMs, maxKeys: options.maxKeys, clock });
  if (limit <= 0) return local;
  let sequence = 0;
  const tag = randomBytes(4).toString('hex');
  return {
    async admit(key) {
      const hashed = options.hash(key);
      if (hashed === undefined) return local.admit(key);
      const base = `${redis.prefix}rate:${hashed}`;
      const at = now();
      sequence += 1;
      const member = `${at}-${tag}-${sequence}`;
      const verdict = await redis.run('rate-limit', (client) => admitIn(client).call(client, base, `${base}:notice`, at, windowMs, limit, member));
      if (verdict === 'ok' || verdict === 'notice' || verdict === 'silent') return verdict as Admission;
      return local.admit(key);
    },
  };
}
