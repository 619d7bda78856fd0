/**
 * One conversation, one turn at a time: a turn holds its conversation's lock from reading the
 * state to writing it back (the `session` step), so two messages of one conversation in flight
 * at once (two tabs, a retry, two instances) end as some serial order of them leaves the state,
 * never with one's write lost under the other's. Like Rasa's lock store, but a wait that
 * runs out is no dead conversation: the turn goes on without the lock and the caller logs it.
 * This module keeps the locks of one process; `createRedisConversationLocks` adds the
 * lock every instance on one Redis sees.
 */
import { createKeyedQueue } from '../concurrency/keyed-queue.js';

/** A held conversation lock. */
export interface ConversationLock {
  /** Lets the next turn of the conversation in; never rejects. */
  release(): Promise<void>;
}

export interface ConversationLocks {
  /**
   * Waits for `key`'s lock at most the configured wait. The lock, or undefined when it was
   * not obtained in time (the turn then goes on without it). Never rejects.
   */
  acquire(key: string): Promise<ConversationLock | undefined>;
}

export interface ConversationLockTimes {
  /** Longest a turn waits for its conversation's lock, in ms. */
  waitMs: number;
  /** Longest a lock is held: a turn that overruns it (or died holding it) lets the next one in, in ms. */
  holdMs: number;
}

/** The defaults: a turn takes milliseconds; the hold matches the core's turn budget (10 s). */
export const DEFAULT_LOCK_TIMES: ConversationLockTimes = { waitMs: 2_000, holdMs: 10_000 };

/** Locks within this process: turns of a conversation in arrival order (the adapters' keyed queue). */
export function createMemoryConversationLocks(times: Partial<ConversationLockTimes> = {}): ConversationLocks {
  const { waitMs, holdMs } = { ...DEFAULT_LOCK_TIMES, ...times };
  // A job of the queue is one turn's hold: it ends when the turn releases, or after holdMs.
  const queue = createKeyedQueue({ onError: () => undefined });
  return {
    acquire(key) {
      return new Promise((resolve) => {
        let abandoned = false;
        const gaveUp = setTimeout(() => {
          abandoned = true;
          resolve(undefined);
        }, waitMs);
        gaveUp.unref();
        void queue.push(key, async () => {
          if (abandoned) return;
          clearTimeout(gaveUp);
          await new Promise<void>((released) => {
            const expiry = setTimeout(released, holdMs);
            expiry.unref();
            resolve({
              release: async () => {
                clearTimeout(expiry);
                released();
              },
            });
          });
        });
      });
    },
  };
}
