/**
 * Options of the Telegram adapter and their defaults. The defaults follow Telegram's
 * published limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this);
 * tests shrink them so they run fast.
 */
import type { Logger } from '../../src/logger.js';
import type { FeedbackLabels } from './render-reply.js';

/** How fast the bot sends, and how it retries. */
export interface TelegramPacing {
  /** Smallest gap between two messages to the same chat (Telegram: about 1 a second). */
  chatGapMs: number;
  /** Messages per minute to one group (Telegram: 20). */
  groupPerMinute: number;
  /** Messages per second across all chats (Telegram: about 30). */
  globalPerSecond: number;
  /** Tries per API call, the first included, for 429, 5xx and network errors. */
  attempts: number;
  /** First backoff after a network or 5xx error; doubled on each further try. */
  backoffMs: number;
  /** A 429 asking to wait longer than this is not waited out: the send fails (logged). */
  maxRetryAfterMs: number;
}

/** Adapter-owned texts (everything else the person reads comes from the core). */
export interface TelegramTexts {
  feedback: FeedbackLabels;
  /** Descriptions shown by Telegram clients in the command menu. */
  commands: { start: string; help: string; menu: string };
}

export interface TelegramAdapterOptions {
  /** Bot token from @BotFather. */
  token: string;
  /** Public HTTPS URL Telegram posts updates to; unset = long polling. */
  webhookUrl?: string;
  /** Port of the adapter's own webhook listener (0 = any free port, for tests). */
  webhookPort: number;
  /** Interface the webhook listener binds; all interfaces when unset. */
  webhookHost?: string;
  /** Expected X-Telegram-Bot-Api-Secret-Token; a random one is used when unset. */
  webhookSecret?: string;
  /** Another Bot API server (self-hosted telegram-bot-api, or a test server). */
  apiRoot?: string;
  logger: Logger;
  pacing?: Partial<TelegramPacing>;
  texts?: Partial<TelegramTexts>;
  /** Messages waiting per chat at most; more are dropped (logged) so one flooder cannot pile up work. */
  maxPendingPerChat?: number;
  /** How long `stop()` waits for queued replies before dropping them. */
  stopTimeoutMs?: number;
}

/** Telegram's limits, with a margin. */
export const defaultPacing: TelegramPacing = {
  chatGapMs: 1_000,
  groupPerMinute: 20,
  globalPerSecond: 25,
  attempts: 5,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
};

export const defaultTexts: TelegramTexts = {
  feedback: { useful: '👍 有用', notUseful: '👎 没用' },
  commands: { start: '开始,查看能问的问题', help: '怎么使用', menu: '问题目录' },
};

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<TelegramAdapterOptions, 'webhookUrl' | 'webhookHost' | 'webhookSecret' | 'apiRoot'>> &
  Pick<TelegramAdapterOptions, 'webhookUrl' | 'webhookHost' | 'webhookSecret' | 'apiRoot'> & {
    pacing: TelegramPacing;
    texts: TelegramTexts;
  };

/** Fills in the defaults. */
export function resolveOptions(options: TelegramAdapterOptions): ResolvedOptions {
  return {
    ...options,
    pacing: { ...defaultPacing, ...options.pacing },
    texts: { ...defaultTexts, ...options.texts },
    maxPendingPerChat: options.maxPendingPerChat ?? 20,
    stopTimeoutMs: options.stopTimeoutMs ?? 15_000,
  };
}
