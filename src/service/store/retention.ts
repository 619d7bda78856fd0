/**
 * Keeps the store within its retention period: records older than `days` are deleted when
 * the bot starts and then once a day (on a timer that never keeps the process alive).
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { MessageStore } from './message-store.js';
import { DAY_MS } from '../time/durations.js';
import { systemClock, type Clock } from '../time/clock.js';


export interface RetentionOptions {
  store: MessageStore;
  days: number;
  logger: Logger;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
  /** Between two purges, in ms (a day). */
  everyMs?: number;
}

/** Deletes what is older than the retention period once; returns how many records went. */
export async function purgeExpired(store: MessageStore, days: number, now: number = Date.now()): Promise<number | undefined> {
  await store.flush();
  return store.purge(now - days * DAY_MS);
}

/** Purges now and then every day; returns a function that stops the timer. */
export function startRetention(options: RetentionOptions): () => void {
  const { store, days, logger } = options;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const run = async () => {
    const removed = await purgeExpired(store, days, now());
    if (removed === undefined) {
      logger.warn({ code: ErrorCodes.STORE_FAILED, days }, 'retention purge failed; tried again tomorrow');
    } else if (removed > 0) {
      logger.info({ removed, days }, 'retention: old records deleted');
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.everyMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
