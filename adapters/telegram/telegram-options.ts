/**
 * Options of the Telegram adapter and their defaults. Pacing defaults are Telegram's
 * published limits with a margin ({@link TELEGRAM_PACING}); tests shrink them to run fast.
 */
import type { Logger } from '../../src/logger.js';
import { TELEGRAM_PACING } from '../../src/service/config/pacing.js';
import { systemClock, type Clock } from '../../src/service/time/clock.js';
import { processHash, type HashConversation } from '../shared/conversation-hash.js';
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
  /**
   * Where the webhook is served: `shared` = on the bot's HTTP server, through
   * {@link TelegramAdapter.plugin} mounted there before it starts (what `serve` does);
   * `own` (default) = the adapter's own listener on `webhookPort`.
   */
  webhookServer?: 'own' | 'shared';
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
  /** Updates waiting per chat at most; more are not acknowledged, so Telegram delivers them later. */
  maxPendingPerChat?: number;
  /** Updates accepted and not yet answered at most, over all chats; more are not acknowledged. */
  maxInFlight?: number;
  /** How long `stop()` finishes accepted updates before cancelling what is left. */
  stopTimeoutMs?: number;
  /** Where webhook updates still unanswered at stop are kept for the next start; unset = not kept. */
  dataDir?: string;
  /** The core's salted conversation hash for the `conv` log field (a process-salted one by default). */
  hashConversation?: HashConversation;
  /** Seconds a long poll waits for updates (Telegram allows up to 50). */
  pollTimeoutSeconds?: number;
  clock?: Clock;
}

/** Telegram's limits, with a margin, and a bounded retry policy. */
export const defaultPacing: TelegramPacing = {
  ...TELEGRAM_PACING,
  attempts: 5,
  backoffMs: 1_000,
  maxRetryAfterMs: 60_000,
};

export const defaultTexts: TelegramTexts = {
  feedback: { useful: '👍 有用', notUseful: '👎 没用' },
  commands: { start: '开始,查看能问的问题', help: '怎么使用', menu: '问题目录' },
};

type Optional = 'webhookUrl' | 'webhookHost' | 'webhookSecret' | 'apiRoot' | 'dataDir';

/** Options with every default filled in. */
export type ResolvedOptions = Required<Omit<TelegramAdapterOptions, Optional>> &
  Pick<TelegramAdapterOptions, Optional> & { pacing: TelegramPacing; texts: TelegramTexts };

/** Fills in the defaults; a key given as undefined keeps its default. */
export function resolveOptions(options: TelegramAdapterOptions): ResolvedOptions {
  const pacing = { ...defaultPacing };
  for (const [key, value] of Object.entries(options.pacing ?? {})) {
    if (value !== undefined) pacing[key as keyof TelegramPacing] = value;
  }
  return {
    ...options,
    pacing,
    texts: { ...defaultTexts, ...options.texts },
    maxPendingPerChat: options.maxPendingPerChat ?? 20,
    maxInFlight: options.maxInFlight ?? 500,
    stopTimeoutMs: options.stopTimeoutMs ?? 15_000,
    hashConversation: options.hashConversation ?? processHash(),
    pollTimeoutSeconds: options.pollTimeoutSeconds ?? 30,
    webhookServer: options.webhookServer ?? 'own',
    clock: options.clock ?? systemClock,
  };
}
