/**
 * Options of the WeChat adapter and their safe defaults. The pacing defaults
 * ({@link WECHAT_PACING}) are deliberately slow: WeChat restricts personal accounts that
 * send fast or much, and a blocked account cuts a village off from the bot for days.
 */
import { WECHAT_PACING } from '../../src/service/config/pacing.js';
import type { Logger } from '../../src/logger.js';
import { systemClock, type Clock } from '../../src/service/time/clock.js';
import { processHash, type HashConversation } from '../shared/conversation-hash.js';
import type { PuppetInstance } from './load-puppet.js';
import { defaultTexts, type WechatTexts } from './wechat-texts.js';

/** How fast and how much the account may send. Documented with the same defaults in `.env.example`. */
export interface WechatPacing {
  /** Smallest pause between two sends of the account, in ms (WECHAT_MIN_GAP_MS). */
  minGapMs: number;
  /** Up to this many random extra ms per send (WECHAT_JITTER_MS). */
  jitterMs: number;
  /** Answers per room per minute (WECHAT_ROOM_PER_MINUTE). */
  roomPerMinute: number;
  /** Messages of the whole account in any 24 hours (WECHAT_DAILY_CAP). */
  dailyCap: number;
}

export const defaultPacing: WechatPacing = { ...WECHAT_PACING };

export interface WechatAdapterOptions {
  /** Puppet npm package name (loaded at `start()`), or a puppet instance (tests, custom setups). */
  puppet: string | PuppetInstance;
  /** Token for puppet services / padlocal. */
  puppetToken?: string;
  /** Room topics or ids answered without an @-mention. */
  rooms?: readonly string[];
  /** Runtime data directory; the login session (memory card) is kept in `<dataDir>/wechat/`. */
  dataDir: string;
  /** Extra name the bot may be @-mentioned by, besides the account's name and room alias. */
  botName?: string;
  /** Accept friend requests and greet with the menu. Off by default. */
  autoAccept?: boolean;
  /** Replies longer than this (characters) go out as numbered parts. */
  maxReplyChars?: number;
  pacing?: Partial<WechatPacing>;
  logger: Logger;
  texts?: Partial<WechatTexts>;
  /** The core's salted conversation hash for the `conv` log field (a process-salted one by default). */
  hashConversation?: HashConversation;
  clock?: Clock;
  /** Random numbers in [0, 1) for the jitter; `Math.random` by default. */
  random?: () => number;
  /** Sends waiting at most before new replies are dropped. */
  maxQueue?: number;
  /** How long `stop()` waits for unsent replies before dropping them. */
  stopDrainMs?: number;
  /** Messages older than this (replayed after a reconnect) are not answered. */
  maxMessageAgeMs?: number;
  /**
   * Keep the login when stopping (default true), so a restart needs no new scan. Only matters
   * for wechaty-puppet-wechat4u, which otherwise logs the account out on stop.
   */
  keepSession?: boolean;
  /** Draws the login QR code; by default in the terminal when a QR library is installed. */
  drawQr?: (value: string) => Promise<boolean>;
}

/** The options with every default filled in. */
export interface WechatSettings {
  rooms: readonly string[];
  botNames: string[];
  autoAccept: boolean;
  maxReplyChars: number;
  pacing: WechatPacing;
  texts: WechatTexts;
  hash: HashConversation;
  clock: Clock;
  random: () => number;
  maxQueue: number;
  stopDrainMs: number;
  maxMessageAgeMs: number;
  keepSession: boolean;
}

/** Fills in defaults. */
export function resolveSettings(options: WechatAdapterOptions): WechatSettings {
  return {
    rooms: options.rooms ?? [],
    botNames: options.botName ? [options.botName] : [],
    autoAccept: options.autoAccept ?? false,
    maxReplyChars: options.maxReplyChars ?? 600,
    pacing: withDefaults(defaultPacing, options.pacing),
    texts: withDefaults(defaultTexts, options.texts),
    hash: options.hashConversation ?? processHash(),
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    maxQueue: options.maxQueue ?? 50,
    stopDrainMs: options.stopDrainMs ?? 5_000,
    maxMessageAgeMs: options.maxMessageAgeMs ?? 10 * 60_000,
    keepSession: options.keepSession ?? true,
  };
}

// Like a spread, but a key given as `undefined` keeps its default.
function withDefaults<T extends object>(defaults: T, given: Partial<T> | undefined): T {
  const out = { ...defaults };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
