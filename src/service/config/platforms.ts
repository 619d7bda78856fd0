/**
 * The keys of the chat platforms (Telegram, personal WeChat, the official account) and the
 * settings they become. Part of the configuration `src/service/config/config.ts` reads.
 */
import { z } from 'zod';
import { BotError, ErrorCodes } from '../../errors.js';
import { TELEGRAM_PACING, WECHAT_PACING } from './pacing.js';
import { blankAsUnset, flag, integer, optionalMatching, optionalText } from './fields.js';

/**
 * How long a signed request of the official account stays valid. A timestamp older than the
 * window is refused as a replay (WeChat's own requests arrive within seconds of signing; five
 * minutes leaves room for a slow network and a little drift); one ahead of our clock by more
 * than the skew is refused too, since a clock kept by NTP is never that far behind WeChat's.
 * Every (timestamp, nonce) is bound to its request's body for window + skew, so a signed URL
 * serves that request (and WeChat's retries of it) only.
 */
export const MP_SIGNED_URL_WINDOW = { replayWindowSeconds: 300, clockSkewSeconds: 60 } as const;

export const PlatformKeys = {
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
  WECHAT_MP_REPLAY_WINDOW_SECONDS: integer(MP_SIGNED_URL_WINDOW.replayWindowSeconds, 30, 3_600),
  WECHAT_MP_CLOCK_SKEW_SECONDS: integer(MP_SIGNED_URL_WINDOW.clockSkewSeconds, 0, 300),
};

type PlatformEnv = z.infer<z.ZodObject<typeof PlatformKeys>>;

/** Settings of the chat platforms; a platform is undefined when its keys are not set. */
export interface PlatformConfig {
  telegram?: {
    token: string;
    /** Set: a webhook at this URL's path on the HTTP server (which then starts). */
    webhookUrl?: string;
    /** Port of the adapter's own webhook listener; `serve` mounts the webhook on the HTTP server instead. */
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
    /** Seconds a request's timestamp may lie behind our clock. */
    replayWindowSeconds: number;
    /** Seconds a request's timestamp may lie ahead of our clock. */
    clockSkewSeconds: number;
  };
}

/** The platform settings of validated keys. @throws BotError QLB_CONFIG_INVALID when the official account lacks a key. */
export function platformConfig(e: PlatformEnv): PlatformConfig {
  const mpMissing = (['WECHAT_MP_APPID', 'WECHAT_MP_SECRET'] as const).filter((key) => !e[key]);
  if (e.WECHAT_MP_TOKEN && mpMissing.length > 0) {
    const keys = mpMissing.join('、');
    throw new BotError(ErrorCodes.CONFIG_INVALID, `配置有误:设置了 WECHAT_MP_TOKEN,公众号还需要 ${keys}`, mpMissing);
  }
  return {
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
            path: e.WECHAT_MP_PATH, apiRoot: e.WECHAT_MP_API_ROOT.replace(/\/+$/, ''), handoff: e.WECHAT_MP_HANDOFF,
            replayWindowSeconds: e.WECHAT_MP_REPLAY_WINDOW_SECONDS, clockSkewSeconds: e.WECHAT_MP_CLOCK_SKEW_SECONDS }
        : undefined,
  };
}
