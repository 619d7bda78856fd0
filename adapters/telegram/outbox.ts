/**
 * Every Bot API call the adapter makes after start, behind pacing and retries. Chat
 * messages are paced; button answers, "typing" and keyboard edits are not messages and go
 * straight out (they are small and Telegram does not count them against chat limits).
 */
import type { Telegram } from 'telegraf';
import type { Logger } from '../../src/logger.js';
import { createPacer } from './pacer.js';
import type { OutgoingPart } from './render-reply.js';
import { DroppedError, describeError, sleep, withRetry } from './retry.js';
import type { TelegramPacing } from './telegram-options.js';

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
}

/** Creates the outbox. Aborting `signal` (at the end of a stop) drops sends still waiting. */
export function createOutbox(telegram: Telegram, pacing: TelegramPacing, signal: AbortSignal, logger: Logger): Outbox {
  const pacer = createPacer(pacing);
  const retried = <T>(method: string, call: () => Promise<T>) =>
    withRetry(call, pacing, {
      signal,
      onRetry: (error, waitMs, attempt) =>
        logger.warn({ ...describeError(error), method, waitMs, attempt }, 'telegram call failed, retrying'),
    });

  const waitTurn = async (chatId: string, isGroup: boolean) => {
    for (let wait = pacer.delay(chatId, isGroup); wait > 0; wait = pacer.delay(chatId, isGroup)) {
      await sleep(wait, signal);
      if (signal.aborted) throw new DroppedError();
    }
    pacer.record(chatId, isGroup);
  };

  return {
    async send(chatId, part, { isGroup, replyTo }) {
      await retried('sendMessage', async () => {
        // Paced per try: a retry is another message as far as Telegram's limits go.
        await waitTurn(String(chatId), isGroup);
        await telegram.sendMessage(chatId, part.html, {
          parse_mode: 'HTML',
          ...(part.keyboard ? { reply_markup: part.keyboard } : {}),
          ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
        });
      });
    },
    async typing(chatId) {
      try {
        await telegram.sendChatAction(chatId, 'typing');
      } catch (error) {
        logger.debug({ ...describeError(error), method: 'sendChatAction' }, 'telegram typing action failed');
      }
    },
    async answerButton(queryId, toast) {
      const text = toast && [...toast].length > MAX_TOAST ? `${[...toast].slice(0, MAX_TOAST - 1).join('')}…` : toast;
      await retried('answerCallbackQuery', () => telegram.answerCbQuery(queryId, text));
    },
    async clearButtons(chatId, messageId) {
      try {
        await telegram.editMessageReplyMarkup(chatId, messageId, undefined, undefined);
      } catch (error) {
        logger.warn({ ...describeError(error), method: 'editMessageReplyMarkup' }, 'telegram could not remove buttons');
      }
    },
  };
}
