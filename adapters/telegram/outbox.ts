/**
 * Every Bot API call the adapter makes after start: messages paced ({@link createThrottle})
 * and retried; button answers, "typing" and keyboard edits are not messages and go straight
 * out. Every call carries the adapter's stop signal, so at the stop deadline calls in flight
 * are cancelled and waits end: nothing outlives the stop.
 */
import type { Telegram } from 'telegraf';
import type { Logger } from '../../src/logger.js';
import type { Clock } from '../../src/service/time/clock.js';
import type { OutgoingPart } from './render-reply.js';
import { cancelledBy, DroppedError, describeError, withRetry } from './retry.js';
import type { TelegramPacing } from './telegram-options.js';
import { createThrottle } from './throttle.js';

/** Toasts (answerCallbackQuery text) are cut by Telegram at 200 characters. */
const MAX_TOAST = 200;

export interface Outbox {
  /** Sends one message, paced and retried; rejects when it finally failed. */
  send(chatId: number, part: OutgoingPart, options: { isGroup: boolean; replyTo?: number }): Promise<void>;
  /** Shows "typing…" once; a failure is only logged (it is cosmetic). */
  typing(chatId: number): Promise<void>;
  /** Answers a button press, with an optional toast; retried, rejects when it finally failed. */
  answerButton(queryId: string, toast?: string): Promise<void>;
  /** Removes the buttons of a message (after a feedback vote); a failure is only logged. */
  clearButtons(chatId: number, messageId: number): Promise<void>;
  /** Drops the sends still waiting for their turn and releases the pacing timers. */
  close(): Promise<void>;
}

export interface OutboxOptions {
  pacing: TelegramPacing;
  /** Aborted at the stop deadline: cancels calls in flight and every wait. */
  signal: AbortSignal;
  clock: Clock;
  logger: Logger;
}

/** Creates the outbox. */
export function createOutbox(telegram: Telegram, options: OutboxOptions): Outbox {
  const { signal, logger } = options;
  const throttle = createThrottle(options.pacing, options.clock);
  const retried = <T>(method: string, call: () => Promise<T>) =>
    withRetry(call, options.pacing, {
      clock: options.clock,
      signal,
      onRetry: (error, waitMs, attempt) =>
        logger.warn({ ...describeError(error), method, waitMs, attempt }, 'telegram call failed, retrying'),
    });
  const unlessStopped = <T>(call: () => Promise<T>) => (signal.aborted ? Promise.reject(new DroppedError()) : call());

  return {
    async send(chatId, part, { isGroup, replyTo }) {
      // Paced per try: a retry is another message as far as Telegram's limits go.
      await retried('sendMessage', () =>
        throttle.schedule(chatId, isGroup, () =>
          unlessStopped(() =>
            telegram.callApi(
              'sendMessage',
              {
                chat_id: chatId,
                text: part.text,
                ...(part.keyboard ? { reply_markup: part.keyboard } : {}),
                ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
              },
              cancelledBy(signal),
            ),
          ),
        ),
      );
    },
    async typing(chatId) {
      try {
        await unlessStopped(() => telegram.callApi('sendChatAction', { chat_id: chatId, action: 'typing' }, cancelledBy(signal)));
      } catch (error) {
        logger.debug({ ...describeError(error), method: 'sendChatAction' }, 'telegram typing action failed');
      }
    },
    async answerButton(queryId, toast) {
      const text = toast && [...toast].length > MAX_TOAST ? `${[...toast].slice(0, MAX_TOAST - 1).join('')}…` : toast;
      await retried('answerCallbackQuery', () =>
        telegram.callApi('answerCallbackQuery', { callback_query_id: queryId, ...(text ? { text } : {}) }, cancelledBy(signal)),
      );
    },
    async clearButtons(chatId, messageId) {
      try {
        await unlessStopped(() =>
          telegram.callApi('editMessageReplyMarkup', { chat_id: chatId, message_id: messageId, reply_markup: undefined }, cancelledBy(signal)),
        );
      } catch (error) {
        logger.warn({ ...describeError(error), method: 'editMessageReplyMarkup' }, 'telegram could not remove buttons');
      }
    },
    close: () => throttle.stop(),
  };
}
