/**
 * Where every Telegram update enters, from polling or a webhook alike. An update is routed
 * ({@link routeUpdate}), then answered in its chat's queue; the intake says whether it was
 * taken, so the caller acknowledges it to Telegram only then. Bounded: beyond `maxInFlight`
 * updates under way, or `maxPerChat` waiting in one chat, an update is refused as `busy`
 * and Telegram delivers it again later; nothing taken is dropped.
 */
import type { Update } from 'telegraf/types';
import { createKeyedQueue } from '../../src/service/concurrency/keyed-queue.js';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { convOf, type HashConversation } from '../shared/conversation-hash.js';
import { DroppedError } from './retry.js';
import { routeUpdate, type RoutedUpdate } from './to-inbound.js';

/**
 * How handling a taken update ended: `answered`; `failed` for good (logged; trying again
 * cannot help, e.g. the person blocked the bot); `dropped` by the stop deadline (to be
 * answered after the next start).
 */
export type Handled = 'answered' | 'failed' | 'dropped';

/** What became of an offered update. */
export type Offer =
  /** Taken: `done` resolves with how handling it ended. */
  | { outcome: 'accepted'; done: Promise<Handled> }
  /** Nothing to answer (not for the bot, or unreadable: logged); acknowledge it. */
  | { outcome: 'ignored' }
  /** Over a bound: do not acknowledge, Telegram delivers it again later. */
  | { outcome: 'busy' }
  /** The adapter is stopping: do not acknowledge. */
  | { outcome: 'stopping' };

export interface Intake {
  /**
   * Offers an update. `acknowledged`: Telegram was told it arrived (kept from the last run),
   * so it is taken whatever the bounds; there is nobody left to deliver it again.
   */
  offer(update: Update, options?: { acknowledged?: boolean }): Offer;
  /** Refuses every update from now on (`stopping`). */
  close(): void;
  /** Updates taken and not yet answered. */
  readonly inFlight: number;
  /** The updates taken and not answered: still under way, or dropped at the stop deadline. */
  unfinished(): Update[];
  /** Resolves once nothing is under way. */
  idle(): Promise<void>;
}

export interface IntakeOptions {
  username: string;
  /** Answers one routed update; rejects when answering finally failed. */
  respond(routed: RoutedUpdate, log: Logger): Promise<void>;
  /** Answers a button press at once (no toast), so the client stops spinning. */
  answerButton(queryId: string): Promise<void>;
  maxInFlight: number;
  maxPerChat: number;
  hash: HashConversation;
  logger: Logger;
  /** Told of every failure to answer an update (already logged by nobody else). */
  onFailure(error: unknown, log: Logger): void;
}

export function createIntake(options: IntakeOptions): Intake {
  const { logger } = options;
  const taken = new Map<number, { update: Update; done: Promise<Handled> }>();
  const dropped: Update[] = [];
  /** Updates waiting or running per chat (the keyed queue itself is unbounded here). */
  const waiting = new Map<string, number>();
  // Jobs catch their own failures (below); anything reaching here is a fault of ours.
  const chats = createKeyedQueue({
    onError: (error) => logger.error({ err: error, code: ErrorCodes.TELEGRAM_SEND_FAILED }, 'telegram: a chat job failed'),
  });
  let closed = false;

  const route = (update: Update): RoutedUpdate | undefined | Error => {
    try {
      return routeUpdate(update, options.username);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  return {
    offer(update, { acknowledged = false } = {}) {
      if (closed) return { outcome: 'stopping' };
      const again = taken.get(update.update_id);
      if (again) return { outcome: 'accepted', done: again.done }; // a redelivery of one under way
      if (!acknowledged && taken.size >= options.maxInFlight) return { outcome: 'busy' };
      const routed = route(update);
      if (routed instanceof Error) {
        logger.warn({ code: ErrorCodes.TELEGRAM_UPDATE_UNREADABLE, err: routed, updateId: update.update_id }, 'telegram update unreadable');
        return { outcome: 'ignored' };
      }
      const query = 'callback_query' in update ? update.callback_query : undefined;
      if (!routed) {
        logger.debug({ updateId: update.update_id }, 'telegram update ignored');
        // Every press gets an answer or the client spins, even on a button this bot did not make.
        return query ? accept(update, settle(options.answerButton(query.id), logger).then(() => 'answered')) : { outcome: 'ignored' };
      }
      const log = logger.child({ conv: convOf(options.hash, routed.inbound) });
      let handled: Handled = 'answered';
      const chatId = String(routed.chatId);
      if (!acknowledged && (waiting.get(chatId) ?? 0) >= options.maxPerChat) {
        log.warn({ inbound: routed.inbound.kind, max: options.maxPerChat }, 'telegram: chat has too many waiting updates; left for Telegram to deliver again');
        return { outcome: 'busy' };
      }
      waiting.set(chatId, (waiting.get(chatId) ?? 0) + 1);
      const answered = chats.push(chatId, () =>
        options.respond(routed, log).catch((error: unknown) => {
          handled = error instanceof DroppedError ? 'dropped' : 'failed';
          if (handled === 'dropped') dropped.push(update);
          else options.onFailure(error, log);
        }),
      ) as Promise<void>;
      void answered.finally(() => {
        const left = (waiting.get(chatId) ?? 1) - 1;
        if (left > 0) waiting.set(chatId, left);
        else waiting.delete(chatId);
      });
      // A vote gets its toast from the responder once the core has thanked.
      const pressed = query && routed.inbound.kind !== 'feedback' ? settle(options.answerButton(query.id), log) : undefined;
      return accept(update, Promise.all([answered, pressed]).then(() => handled));
    },
    close() {
      closed = true;
    },
    get inFlight() {
      return taken.size;
    },
    unfinished: () => [...dropped, ...[...taken.values()].map((entry) => entry.update)],
    async idle() {
      while (taken.size > 0) await Promise.all([...taken.values()].map((entry) => entry.done));
    },
  };

  function accept(update: Update, work: Promise<Handled>): Offer {
    const done = work.finally(() => taken.delete(update.update_id));
    taken.set(update.update_id, { update, done });
    return { outcome: 'accepted', done };
  }
}

/** A button answer that failed is only logged: the reply itself still goes out. */
function settle(work: Promise<void>, log: Logger): Promise<void> {
  return work.catch((error: unknown) => log.warn({ err: error }, 'telegram: answering a button failed'));
}
