/**
 * How fast each platform lets the bot send: the one place these defaults are written. The
 * config's keys default to them (documented with the same numbers in `.env.example`), and
 * each adapter falls back on them when started without config (tests, tools).
 */

/** Telegram's published limits, with a margin (https://core.telegram.org/bots/faq). */
export const TELEGRAM_PACING = {
  /** Smallest gap between two messages to one chat (Telegram: about one a second). */
  chatGapMs: 1_000,
  /** Messages per minute to one group (Telegram: 20). */
  groupPerMinute: 20,
  /** Messages per second over all chats (Telegram: about 30). */
  globalPerSecond: 25,
} as const;

/** Deliberately slow: WeChat restricts personal accounts that send fast or much. */
export const WECHAT_PACING = {
  /** Smallest pause between two sends of the account, whatever the chat. */
  minGapMs: 2_000,
  /** Up to this many random extra ms per send, so the rhythm does not look machine-made. */
  jitterMs: 1_500,
  /** Answers per room per minute, whoever asks. */
  roomPerMinute: 10,
  /** Messages of the account in any 24 hours. */
  dailyCap: 500,
} as const;
