/**
 * The one place that reads the environment. Every key is documented in `.env.example`; the
 * keys of each concern (platforms, HTTP, staff) and their settings live in `src/config/`.
 */
import path from 'node:path';
import { z } from 'zod';
import { BotError, ErrorCodes } from './errors.js';
import { packageRoot } from './paths.js';
import { blankAsUnset, integer, optionalText } from './config/env-types.js';
import { HttpEnv, httpConfig, type HttpConfig } from './config/http.js';
import { missingMpKeys, PlatformEnv, platformConfig, type TelegramConfig, type WechatConfig, type WechatMpConfig } from './config/platforms.js';
import { StaffEnv, staffConfig, type StaffConsoleConfig } from './config/staff.js';

export { DEFAULT_HTTP_PORT } from './config/http.js';

const EnvSchema = z.object({
  KNOWLEDGE_DIR: optionalText,
  DATA_DIR: optionalText,
  SEGMENTER: z.enum(['node-rs-jieba', 'nodejs-jieba']).default('node-rs-jieba'),
  LOG_LEVEL: z.preprocess(blankAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  MAX_MESSAGE_CHARS: integer(500, 20, 100_000),
  SESSION_IDLE_MINUTES: integer(10, 1, 24 * 60),
  ANSWER_THRESHOLD: z.preprocess(blankAsUnset, z.coerce.number().min(0).max(1).default(0.3)),
  CLARIFY_THRESHOLD: z.preprocess(blankAsUnset, z.coerce.number().min(0).max(1).default(0.28)),
  SESSION_MAX: integer(50_000, 100, 10_000_000),
  RATE_LIMIT_PER_MINUTE: integer(20, 0, 10_000),
  FEEDBACK_WINDOW_SECONDS: integer(120, 0, 24 * 60 * 60),
  RETENTION_DAYS: integer(90, 1, 3_650),
  ...StaffEnv,
  ...PlatformEnv,
  ...HttpEnv,
});

/** Validated settings of one bot process. */
export interface Config {
  knowledgeDir: string;
  dataDir: string;
  segmenter: 'node-rs-jieba' | 'nodejs-jieba';
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  maxMessageChars: number;
  sessionIdleMs: number;
  answerThreshold: number;
  clarifyThreshold: number;
  /** Conversations remembered at most (least recently used forgotten first). */
  sessionMax: number;
  /** Messages per conversation per minute; 0 = no limit. */
  ratePerMinute: number;
  /** How long after an answer a typed 1 / 0 rates it; 0 = no typed feedback. */
  feedbackWindowMs: number;
  /** Days the message store keeps records. */
  retentionDays: number;
  /** Senders allowed staff commands, each `adapter:senderId`. */
  staffIds: string[];
  /** The staff console's sessions. */
  staffConsole: StaffConsoleConfig;
  telegram?: TelegramConfig;
  wechat?: WechatConfig;
  wechatMp?: WechatMpConfig;
  http: HttpConfig;
}

/** zod's messages in Chinese, for staff reading a configuration error. */
const zhCN = z.locales.zhCN().localeError;

/**
 * Parses and validates settings from an environment (by default `process.env`). Paths given
 * resolve from `cwd`; the defaults (knowledge, data) sit in the package, wherever the
 * command runs. The result is frozen: nothing changes settings after start.
 * @throws BotError QLB_CONFIG_INVALID naming every bad key, in Chinese.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env, { error: zhCN });
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new BotError(ErrorCodes.CONFIG_INVALID, `配置有误:${details.join(';')}`, details);
  }
  const e = parsed.data;
  if (e.CLARIFY_THRESHOLD > e.ANSWER_THRESHOLD) {
    throw new BotError(ErrorCodes.CONFIG_INVALID, '配置有误:CLARIFY_THRESHOLD 不能大于 ANSWER_THRESHOLD', [
      'CLARIFY_THRESHOLD',
    ]);
  }
  const mpMissing = missingMpKeys(e);
  if (mpMissing.length > 0) {
    throw new BotError(ErrorCodes.CONFIG_INVALID, `配置有误:设置了 WECHAT_MP_TOKEN,公众号还需要 ${mpMissing.join('、')}`, mpMissing);
  }
  const root = packageRoot();
  const platforms = platformConfig(e);
  const noChatPlatform = !e.TELEGRAM_BOT_TOKEN && !e.WECHATY_PUPPET;
  // The official account and the Telegram webhook are served on the HTTP server.
  const onHttp = Boolean(platforms.wechatMp || platforms.telegram?.webhookUrl);
  return deepFreeze({
    knowledgeDir: e.KNOWLEDGE_DIR ? path.resolve(cwd, e.KNOWLEDGE_DIR) : path.join(root, 'knowledge'),
    dataDir: e.DATA_DIR ? path.resolve(cwd, e.DATA_DIR) : path.join(root, 'data'),
    segmenter: e.SEGMENTER,
    logLevel: e.LOG_LEVEL,
    maxMessageChars: e.MAX_MESSAGE_CHARS,
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    answerThreshold: e.ANSWER_THRESHOLD,
    clarifyThreshold: e.CLARIFY_THRESHOLD,
    sessionMax: e.SESSION_MAX,
    ratePerMinute: e.RATE_LIMIT_PER_MINUTE,
    feedbackWindowMs: e.FEEDBACK_WINDOW_SECONDS * 1000,
    retentionDays: e.RETENTION_DAYS,
    ...staffConfig(e),
    ...platforms,
    http: httpConfig(e, Boolean(e.WECHAT_MP_TOKEN) || onHttp || noChatPlatform),
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
