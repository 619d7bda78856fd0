/**
 * Long polling that confirms an update only once it is answered. Telegram forgets every
 * update below the `offset` of a getUpdates call, so the offset sent is the lowest update
 * still under way (or left for later): an update not yet answered when the process stops
 * comes back at the next start. Updates above it that are answered already are skipped
 * when they come again, and at stop their ids are handed back to be kept for the next start.
 */
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { TelegramError } from 'telegraf';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Clock } from '../../src/service/time/clock.js';
import { cancelledBy, describeError, retryDelay, type RetryPolicy } from './retry.js';
import type { Intake } from './update-intake.js';

export interface PollingOptions {
  telegram: Telegram;
  intake: Intake;
  allowedUpdates: readonly string[];
  timeoutSeconds: number;
  /** Ids answered in an earlier run above its confirmed offset: not answered again. */
  answeredBefore?: readonly number[];
  retry: RetryPolicy;
  clock: Clock;
  logger: Logger;
}

export interface Polling {
  /** Stops fetching (a long poll in progress is cancelled); resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Confirms what was answered; returns the ids answered above the confirmed offset. */
  confirm(signal: AbortSignal): Promise<number[]>;
}

/** How long to wait before fetching again when a fetch brought nothing new (all under way). */
const RECHECK_MS = 500;

export function startPolling(options: PollingOptions): Polling {
  const { telegram, intake, logger, clock } = options;
  const stop = new AbortController();
  const underWay = new Set<number>();
  const answered = new Set<number>(options.answeredBefore ?? []);
  let highest = -1;
  let deferred: number[] = [];
  let progress = new AbortController();

  /** The offset to send: the lowest id not answered yet, else one past the highest seen. */
  const offset = () => {
    const open = [...underWay, ...deferred];
    return open.length > 0 ? Math.min(...open) : highest + 1;
  };
  const forgetBelow = (low: number) => {
    for (const id of answered) if (id < low) answered.delete(id);
  };

  const take = (update: Update): boolean => {
    const id = update.update_id;
    if (underWay.has(id)) return false;
    if (answered.has(id)) {
      highest = Math.max(highest, id); // answered before a restart: confirmed with the next fetch
      return false;
    }
    const offer = intake.offer(update);
    if (offer.outcome === 'busy' || offer.outcome === 'stopping') {
      deferred.push(id);
      return false;
    }
    highest = Math.max(highest, id);
    if (offer.outcome === 'ignored') {
      answered.add(id);
      return true;
    }
    underWay.add(id);
    void offer.done.then((handled) => {
      // A reply dropped at the stop deadline stays unconfirmed: Telegram sends it again.
      if (handled === 'dropped') return;
      underWay.delete(id);
      answered.add(id);
      progress.abort(); // wakes a loop waiting for something to finish
    });
    return true;
  };

  const fetch = async (): Promise<Update[] | undefined> => {
    for (let attempt = 1; !stop.signal.aborted; attempt += 1) {
      try {
        const low = offset();
        forgetBelow(low);
        return await telegram.callApi(
          'getUpdates',
          { offset: low, limit: 100, timeout: options.timeoutSeconds, allowed_updates: [...options.allowedUpdates] as never },
          cancelledBy(stop.signal),
        );
      } catch (error) {
        if (stop.signal.aborted) return undefined;
        const fatal = error instanceof TelegramError && (error.code === 401 || error.code === 409);
        const wait = fatal ? undefined : (retryDelay(error, 1, { ...options.retry, attempts: 2 }) ?? 5_000);
        if (fatal) {
          logger.error({ code: ErrorCodes.TELEGRAM_POLLING_STOPPED, ...describeError(error) }, 'telegram polling stopped; no more updates');
        } else {
          logger.warn({ code: ErrorCodes.TELEGRAM_POLLING_FAILED, ...describeError(error), attempt, waitMs: wait }, 'telegram polling failed, retrying');
        }
        if (wait === undefined) return undefined;
        await clock.sleep(wait, stop.signal);
      }
    }
    return undefined;
  };

  const loop = (async () => {
    while (!stop.signal.aborted) {
      // Made before the fetch, so an update finishing meanwhile still cuts the wait below short.
      progress = new AbortController();
      const updates = await fetch();
      if (!updates) return;
      deferred = [];
      const fresh = updates.filter(take).length;
      if (fresh === 0 && updates.length > 0) {
        // Everything fetched is under way or waits its turn: fetching again at once would spin.
        await clock.sleep(RECHECK_MS, AbortSignal.any([progress.signal, stop.signal]));
      }
    }
  })();

  return {
    async stop() {
      stop.abort();
      await loop;
    },
    async confirm(signal) {
      const low = offset();
      forgetBelow(low);
      if (low > 0) {
        await telegram.callApi('getUpdates', { offset: low, limit: 1, timeout: 0 }, cancelledBy(signal));
      }
      return [...answered].filter((id) => id >= low).sort((a, b) => a - b);
    },
  };
}
