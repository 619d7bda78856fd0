/**
 * The one place that reads the environment. Every key is documented in `.env.example`. The
 * keys of each concern are written beside it in `src/service/config/` (platforms, HTTP, shared
 * state, staff); this file puts them together, validates them once and freezes the result.
 */
import path from 'node:path';
import { z } from 'zod';
import { BotError, ErrorCodes } from '../../errors.js';
import { packageRoot } from '../../paths.js';
import { blankAsUnset, deepFreeze, flag, integer, optionalText } from './fields.js';
import { httpConfig, HttpKeys, type HttpConfig } from './http.js';
import { platformConfig, PlatformKeys, type PlatformConfig } from './platforms.js';
import { sharedStateConfig, SharedStateKeys, type SharedStateConfig } from './shared-state.js';
import { staffConfig, StaffKeys, type StaffConsoleConfig } from './staff.js';

export { DEFAULT_HTTP_PORT } from './http.js';

const EnvSchema = z.object({
  KNOWLEDGE_DIR: optionalText,
  DATA_DIR: optionalText,
  TRAINING_SETS_DIR: optionalText,
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
  KNOWLEDGE_WATCH: flag(true),
  ...StaffKeys,
  ...PlatformKeys,
  ...HttpKeys,
  ...SharedStateKeys,
});

/** Validated settings of one bot process. */
export interface Config extends PlatformConfig, SharedStateConfig {
  knowledgeDir: string;
  dataDir: string;
  /** Labelled sets the learned model trains from besides the knowledge base (test/gold). */
  trainingSetsDir: string;
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
  /** CALLBACK_KEYS: seal callback numbers (the first seals); none = no callback requests. */
  callbackKeys: string[];
  /** Running bots reload when the knowledge directory changes (off: only SIGHUP, /reload and broadcasts). */
  watchKnowledge: boolean;
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
  const platforms = platformConfig(e);
  const root = packageRoot();
  return deepFreeze({
    knowledgeDir: e.KNOWLEDGE_DIR ? path.resolve(cwd, e.KNOWLEDGE_DIR) : path.join(root, 'knowledge'),
    dataDir: e.DATA_DIR ? path.resolve(cwd, e.DATA_DIR) : path.join(root, 'data'),
    trainingSetsDir: e.TRAINING_SETS_DIR ? path.resolve(cwd, e.TRAINING_SETS_DIR) : path.join(root, 'test', 'gold'),
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
    watchKnowledge: e.KNOWLEDGE_WATCH,
    ...platforms,
    ...sharedStateConfig(e),
    http: httpConfig(e, {
      telegram: Boolean(platforms.telegram),
      telegramWebhook: Boolean(platforms.telegram?.webhookUrl),
      wechat: Boolean(platforms.wechat),
      wechatMp: Boolean(e.WECHAT_MP_TOKEN),
    }),
  });
}
