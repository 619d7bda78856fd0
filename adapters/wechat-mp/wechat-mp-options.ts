/**
 * Options of the official-account adapter and their defaults. The keys of `config.wechatMp`
 * fit as they are; the rest are for tests and tuning.
 */
import { MP_SIGNED_URL_WINDOW } from '../../src/service/config/platforms.js';
import type { Logger } from '../../src/logger.js';
import { processHash, type HashConversation } from '../shared/conversation-hash.js';
import { createLocalLocks, createMemoryCache } from '../../src/service/shared-state/memory-state.js';
import type { Locks, SharedCache } from '../../src/service/shared-state/shared-state.js';
import { systemClock, type Clock } from '../../src/service/time/clock.js';

export interface WechatMpAdapterOptions {
  /** Token of the server configuration (WECHAT_MP_TOKEN). */
  token: string;
  appId: string;
  secret: string;
  /** EncodingAESKey: safe mode, only encrypted messages are read; without it only plaintext mode works. */
  aesKey?: string;
  /** Path served (WECHAT_MP_PATH). */
  path: string;
  /** API host (WECHAT_MP_API_ROOT), default https://api.weixin.qq.com. */
  apiRoot?: string;
  /** Transfer "转人工" to customer service (WECHAT_MP_HANDOFF). */
  handoff: boolean;
  logger: Logger;
  /** How long a request waits for the core before answering `success` (default 4000 ms; WeChat gives up at 5 s). */
  replyBudgetMs?: number;
  /** Seconds a request's timestamp may lie behind our clock (default 300); each signed URL serves one request within it. */
  replayWindowSeconds?: number;
  /** Seconds a request's timestamp may lie ahead of our clock (default 60). */
  clockSkewSeconds?: number;
  /**
   * How long a message's answer (and its claim in the shared cache) is kept for WeChat's
   * retries, which come within ~15 s. Never less than a signed URL is remembered (window +
   * skew + 1 s, 361 s by default), however small this is set: an identical request is let
   * through that long and must meet its answer.
   */
  dedupMs?: number;
  /** How long stop() waits for owed replies (default 5 s). */
  stopTimeoutMs?: number;
  /** API request timeout (default 5 s). */
  timeoutMs?: number;
  /** Tries per API call (default 3) and the first wait between them (default 500 ms, doubled each time). */
  attempts?: number;
  backoffMs?: number;
  /** Said when the handler fails anyway (it is normally wrapped so it cannot). */
  errorText?: string;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
  /**
   * What instances share (Redis): the access token, refreshed by one of them under a lock,
   * which messages were already taken, so a retry landing on another instance is answered
   * once, and which request each signed URL was used for, so another body sent with it to
   * another instance is refused. This
   * process only when unset.
   */
  shared?: { cache: SharedCache; locks: Locks };
  /** The core's salted conversation hash for the `conv` log field (a process-salted one by default). */
  hashConversation?: HashConversation;
}

export type ResolvedOptions = Required<Omit<WechatMpAdapterOptions, 'aesKey'>> & Pick<WechatMpAdapterOptions, 'aesKey'>;

/** Fills in the defaults. */
export function resolveOptions(options: WechatMpAdapterOptions): ResolvedOptions {
  return {
    apiRoot: 'https://api.weixin.qq.com',
    replyBudgetMs: 4_000,
    ...MP_SIGNED_URL_WINDOW,
    dedupMs: 60_000,
    stopTimeoutMs: 5_000,
    timeoutMs: 5_000,
    attempts: 3,
    backoffMs: 500,
    errorText: '抱歉,系统暂时出了点问题,请稍后再试。紧急情况请拨打110;法律问题可拨打12348公共法律服务热线。',
    clock: systemClock,
    shared: { cache: createMemoryCache(), locks: createLocalLocks('this-process') },
    hashConversation: processHash(),
    // A key given as undefined keeps its default.
    ...(Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as WechatMpAdapterOptions),
  };
}
