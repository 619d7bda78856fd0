/**
 * The keys of the one HTTP server (web chat, API, health, metrics) and the settings they
 * become. Part of the configuration `src/config.ts` reads.
 */
import { z } from 'zod';
import { blankAsUnset, integer, optionalText } from './fields.js';

/** Port of the HTTP server when `HTTP_PORT` is unset. */
export const DEFAULT_HTTP_PORT = 3000;

export const HttpKeys = {
  HTTP_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65_535).optional()),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HTTP_TRUST_PROXY: optionalText,
  HTTP_RATE_PER_MINUTE: integer(120, 0, 100_000),
  HTTP_BODY_LIMIT_BYTES: integer(16_384, 1_024, 1_048_576),
};

type HttpEnv = z.infer<z.ZodObject<typeof HttpKeys>>;

export interface HttpConfig {
  /**
   * `serve` starts the HTTP server: `HTTP_PORT` is set, something that lives on it is
   * configured (the official account, the Telegram webhook), or no chat platform is.
   */
  enabled: boolean;
  /** 0 = any free port (tests). */
  port: number;
  host: string;
  /** Whose X-Forwarded-For to believe for the client address (rate limits, the staff lock-out). */
  trustProxy: boolean | number | string;
  /** API requests per client address per minute; 0 = no limit. */
  ratePerMinute: number;
  bodyLimitBytes: number;
}

/** `HTTP_TRUST_PROXY`: false/true, a number of proxy hops, or addresses and CIDRs (fastify's forms). */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || /^(false|0|no|off)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * The HTTP settings; `platforms` says which chat platforms are configured (the server's
 * default depends on it) and whether Telegram uses a webhook (served on this server).
 */
export function httpConfig(e: HttpEnv, platforms: { telegram: boolean; telegramWebhook?: boolean; wechat: boolean; wechatMp: boolean }): HttpConfig {
  const lives = platforms.wechatMp || Boolean(platforms.telegramWebhook);
  return {
    enabled: e.HTTP_PORT !== undefined || lives || (!platforms.telegram && !platforms.wechat),
    port: e.HTTP_PORT ?? DEFAULT_HTTP_PORT,
    host: e.HTTP_HOST,
    trustProxy: trustProxy(e.HTTP_TRUST_PROXY),
    ratePerMinute: e.HTTP_RATE_PER_MINUTE,
    bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
  };
}
