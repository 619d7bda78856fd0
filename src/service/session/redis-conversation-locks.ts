/**
 * Conversation locks every instance on one Redis sees: the lock of this process first (turns
 * arriving here queue in memory, not on Redis), then a key in Redis taken with a token of its
 * own (`SET NX PX`), tried again after a short pause that grows while another instance holds
 * it, and released by a compare-and-delete script, so a turn never frees a lock that expired
 * and went to another. While Redis cannot be used (down, hung, or the deployment's salt not
 * yet known) the lock of this process is all there is: answering never waits on Redis.
 */
import { randomBytes } from 'node:crypto';
import type { RedisConnection } from '../redis/redis-connection.js';
import { RELEASE_SCRIPT } from '../redis/release-script.js';
import { createMemoryConversationLocks, DEFAULT_LOCK_TIMES, type ConversationLockTimes, type ConversationLocks } from './conversation-locks.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface RedisConversationLockOptions extends Partial<ConversationLockTimes> {
  redis: RedisConnection;
  /** The salted hash of a conversation key (Redis never sees platform ids); undefined while the salt is not known. */
  hash(key: string): string | undefined;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

/** First and longest pause between two tries while another instance holds the lock, in ms. */
const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 40;

export function createRedisConversationLocks(options: RedisConversationLockOptions): ConversationLocks {
  const { redis } = options;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const { waitMs, holdMs } = { ...DEFAULT_LOCK_TIMES, ...options };
  const local = createMemoryConversationLocks({ waitMs, holdMs });
  const tag = randomBytes(6).toString('hex');
  let sequence = 0;
  return {
    async acquire(key) {
      const started = now();
      const here = await local.acquire(key);
      const hashed = options.hash(key);
      if (!here || hashed === undefined) return here;
      const name = `${redis.prefix}turn:${hashed}`;
      sequence += 1;
      const token = `${tag}-${sequence}`;
      for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
        const taken = await redis.run('conversation-lock', (client) => client.set(name, token, 'PX', holdMs, 'NX'));
        if (taken === undefined) return here; // Redis unusable: this instance's lock only
        if (taken === 'OK') {
          return {
            async release() {
              await redis.run('conversation-unlock', (client) => client.eval(RELEASE_SCRIPT, 1, name, token));
              await here.release();
            },
          };
        }
        const left = waitMs - (now() - started);
        if (left <= 0) {
          await here.release();
          return undefined;
        }
        await clock.sleep(Math.min(pause, left));
      }
    },
  };
}
