/**
 * {@link Locks} in Redis: `SET NX PX` to take, a script to renew only what this instance
 * holds (or take it again when it expired during an outage), a script to release only its
 * own. Renewed every third of the expiry, so a dead instance frees its lock within `ttlMs`.
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { RELEASE_SCRIPT } from '../redis/release-script.js';
import type { InstanceLock, Locks } from './shared-state.js';

/** 1: still ours (or free again and taken back); 0: another instance holds it. */
const RENEW = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

const DEFAULT_TTL_MS = 30_000;

export function createRedisLocks(redis: RedisConnection, instance: string, logger: Logger): Locks {
  return {
    async acquire(name, options = {}) {
      const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
      const key = `${redis.prefix}lock:${name}`;
      // Through the breaker like every Redis call: undefined while Redis is down or hangs.
      const taken = await redis.run('lock-take', (client) => client.set(key, instance, 'PX', ttlMs, 'NX'));
      if (taken === null) {
        const holder = await redis.run('lock-holder', (client) => client.get(key));
        return { acquired: false, holder: holder ?? '?' };
      }
      if (taken === undefined) {
        logger.warn({ code: ErrorCodes.REDIS_UNAVAILABLE, lock: name }, 'Redis unreachable: starting without the instance lock; it is taken as soon as Redis is back');
      }
      const lost = new Set<() => void>();
      let released = false;
      const renew = async () => {
        const result = await redis.run('lock-renew', (client) => client.eval(RENEW, 1, key, instance, ttlMs));
        if (result !== 0 || released) return;
        released = true;
        clearInterval(timer);
        for (const listener of lost) listener();
      };
      const timer = setInterval(() => void renew(), Math.max(50, Math.floor(ttlMs / 3)));
      timer.unref();
      const lock: InstanceLock = {
        async release() {
          if (released) return;
          released = true;
          clearInterval(timer);
          await redis.run('lock-release', (client) => client.eval(RELEASE_SCRIPT, 1, key, instance));
        },
        onLost: (listener) => void lost.add(listener),
      };
      return { acquired: true, lock };
    },
  };
}
