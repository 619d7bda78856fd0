/**
 * The one place that reads the environment. Every key is documented in `.env.example`.
 */
import path from 'node:path';
import { z } from 'zod';
import { BotError, ErrorCodes } from './errors.js';
import { TELEGRAM_PACING, WECHAT_PACING } from './limits/pacing.js';
import { packageRoot } from './paths.js';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An empty value (`KEY=` as .env.example leaves it) means the default, never 0. */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

/** "true"/"false" (also 1/0, yes/no, on/off); empty means the default. */
const flag = (fallback: boolean) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.stringbool().default(fallback),
  );

/** Unset when empty; otherwise must match `pattern` (the message names the expected form, never the value). */
const optionalMatching = (pattern: RegExp, message: string) =>
  z.preprocess(blankAsUnset, z.string().trim().regex(pattern, message).optional());

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
  STAFF_IDS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]+:\S+$/, 'write adapter:senderId, e.g. telegram:12345'))),
  TELEGRAM_BOT_TOKEN: optionalText,
  TELEGRAM_WEBHOOK_URL: optionalText,
  TELEGRAM_WEBHOOK_PORT: integer(8443, 1, 65_535),
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  TELEGRAM_API_ROOT: optionalText,
  TELEGRAM_WEBHOOK_HOST: optionalText,
  TELEGRAM_MIN_GAP_MS: integer(TELEGRAM_PACING.chatGapMs, 0, 60_000),
  TELEGRAM_GROUP_PER_MINUTE: integer(TELEGRAM_PACING.groupPerMinute, 1, 60),
  WECHATY_PUPPET: optionalText,
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  WECHAT_ROOMS: optionalText,
  WECHAT_BOT_NAME: optionalText,
  WECHAT_AUTO_ACCEPT: flag(false),
  WECHAT_MAX_REPLY_CHARS: integer(600, 100, 5_000),
  WECHAT_MIN_GAP_MS: integer(WECHAT_PACING.minGapMs, 500, 60_000),
  WECHAT_JITTER_MS: integer(WECHAT_PACING.jitterMs, 0, 60_000),
  WECHAT_ROOM_PER_MINUTE: integer(WECHAT_PACING.roomPerMinute, 1, 60),
  WECHAT_DAILY_CAP: integer(WECHAT_PACING.dailyCap, 1, 100_000),
  WECHAT_MP_TOKEN: optionalMatching(/^[A-Za-z0-9]{3,32}$/, '3 到 32 个字母或数字,与公众号后台填写的令牌(Token)相同'),
  WECHAT_MP_APPID: optionalMatching(/^wx[0-9a-f]{16}$/i, '公众号后台的 AppID:wx 加 16 个字符'),
  WECHAT_MP_SECRET: optionalText,
  WECHAT_MP_AES_KEY: optionalMatching(/^[A-Za-z0-9]{43}$/, 'EncodingAESKey:43 个字母或数字'),
  WECHAT_MP_PATH: z.preprocess(blankAsUnset, z.string().trim().regex(/^\/[A-Za-z0-9/_-]*$/, '网址路径,例如 /wechat-mp').default('/wechat-mp')),
  WECHAT_MP_API_ROOT: z.preprocess(blankAsUnset, z.url().default('https://api.weixin.qq.com')),
  WECHAT_MP_HANDOFF: flag(true),
  HTTP_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65_535).optional()),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HTTP_TRUST_PROXY: optionalText,
  HTTP_RATE_PER_MINUTE: integer(120, 0, 100_000),
  HTTP_BODY_LIMIT_BYTES: integer(16_384, 1_024, 1_048_576),
});

/** Port of the HTTP server when `HTTP_PORT` is unset. */
export const DEFAULT_HTTP_PORT = 3000;

/** `HTTP_TRUST_PROXY`: false/true, a number of proxy hops, or addresses and CIDRs (fastify's forms). */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || /^(false|0|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

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
  telegram?: {
    token: string;
    webhookUrl?: string;
    webhookPort: number;
    webhookHost?: string;
    webhookSecret?: string;
    apiRoot?: string;
    pacing: { chatGapMs: number; groupPerMinute: number };
  };
  wechat?: {
    puppet: string;
    puppetToken?: string;
    rooms: string[];
    botName?: string;
    autoAccept: boolean;
    maxReplyChars: number;
    pacing: { minGapMs: number; jitterMs: number; roomPerMinute: number; dailyCap: number };
  };
  /** The official account (公众号), served on the HTTP server at `path`. */
  wechatMp?: {
    token: string;
    appId: string;
    secret: string;
    /** EncodingAESKey: needed for the safe and compatible modes. */
    aesKey?: string;
    path: string;
    apiRoot: string;
    /** Hand conversations to the account's human customer service when asked. */
    handoff: boolean;
  };
  http: {
    /** `serve` starts the HTTP server: `HTTP_PORT` is set, the official account is on (it lives there), or no chat platform is configured. */
    enabled: boolean;
    /** 0 = any free port (tests). */
    port: number;
    host: string;
    /** Whose X-Forwarded-For to believe for the client address (rate limits). */
    trustProxy: boolean | number | string;
    /** API requests per client address per minute; 0 = no limit. */
    ratePerMinute: number;
    bodyLimitBytes: number;
  };
}

/**
 * Parses and validates settings from an environment (by default `process.env`). Paths given
 * resolve from `cwd`; the defaults (knowledge, data) sit in the package, wherever the
 * command runs. The result is frozen: nothing changes settings after start.
 * @throws BotError QLB_CONFIG_INVALID naming every bad key.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
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
  const mpMissing = (['WECHAT_MP_APPID', 'WECHAT_MP_SECRET'] as const).filter((key) => !e[key]);
  if (e.WECHAT_MP_TOKEN && mpMissing.length > 0) {
    const keys = mpMissing.join('、');
    throw new BotError(ErrorCodes.CONFIG_INVALID, `配置有误:设置了 WECHAT_MP_TOKEN,公众号还需要 ${keys}`, mpMissing);
  }
  const root = packageRoot();
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
    staffIds: e.STAFF_IDS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookPort: e.TELEGRAM_WEBHOOK_PORT,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhookHost: e.TELEGRAM_WEBHOOK_HOST,
          pacing: { chatGapMs: e.TELEGRAM_MIN_GAP_MS, groupPerMinute: e.TELEGRAM_GROUP_PER_MINUTE },
        }
      : undefined,
    wechat: e.WECHATY_PUPPET
      ? {
          puppet: e.WECHATY_PUPPET,
          puppetToken: e.WECHATY_PUPPET_SERVICE_TOKEN,
          rooms: (e.WECHAT_ROOMS ?? '').split(',').map((room) => room.trim()).filter(Boolean),
          botName: e.WECHAT_BOT_NAME,
          autoAccept: e.WECHAT_AUTO_ACCEPT,
          maxReplyChars: e.WECHAT_MAX_REPLY_CHARS,
          pacing: {
            minGapMs: e.WECHAT_MIN_GAP_MS,
            jitterMs: e.WECHAT_JITTER_MS,
            roomPerMinute: e.WECHAT_ROOM_PER_MINUTE,
            dailyCap: e.WECHAT_DAILY_CAP,
          },
        }
      : undefined,
    wechatMp:
      e.WECHAT_MP_TOKEN && e.WECHAT_MP_APPID && e.WECHAT_MP_SECRET
        ? { token: e.WECHAT_MP_TOKEN, appId: e.WECHAT_MP_APPID, secret: e.WECHAT_MP_SECRET, aesKey: e.WECHAT_MP_AES_KEY,
            path: e.WECHAT_MP_PATH, apiRoot: e.WECHAT_MP_API_ROOT.replace(/\/+$/, ''), handoff: e.WECHAT_MP_HANDOFF }
        : undefined,
    http: {
      enabled: e.HTTP_PORT !== undefined || Boolean(e.WECHAT_MP_TOKEN) || (!e.TELEGRAM_BOT_TOKEN && !e.WECHATY_PUPPET),
      port: e.HTTP_PORT ?? DEFAULT_HTTP_PORT,
      host: e.HTTP_HOST,
      trustProxy: trustProxy(e.HTTP_TRUST_PROXY),
      ratePerMinute: e.HTTP_RATE_PER_MINUTE,
      bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
    },
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
