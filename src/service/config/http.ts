/**
 * The keys of the one HTTP server (web chat, API, health, metrics) and the settings they
 * become. Part of the configuration `src/service/config/config.ts` reads.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { blankAsUnset, integer } from './fields.js';

/** Port of the HTTP server when `HTTP_PORT` is unset. */
export const DEFAULT_HTTP_PORT = 3000;

export const HttpKeys = {
  HTTP_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65_535).optional()),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HTTP_TRUST_PROXY: z.preprocess(blankAsUnset, z.string().trim().optional()).transform(trustProxy),
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
  /**
   * Whose X-Forwarded-For to believe for the client address (rate limits, the staff
   * lock-out): false (nobody's), the proxies' addresses and CIDRs (comma-separated), or a
   * number of proxy hops. Never `true`: that believes anyone's.
   */
  trustProxy: false | number | string;
  /** API requests per client address per minute; 0 = no limit. */
  ratePerMinute: number;
  bodyLimitBytes: number;
}

/** Names proxy-addr (fastify's) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const EXPECTED = '只接受反向代理的地址或网段(逗号分隔,例如 127.0.0.1 或 10.0.0.0/8),或代理的层数(例如 1);留空表示不相信 X-Forwarded-For';

/** An address, a CIDR (address/prefix) or a range name. */
function isProxyAddress(text: string): boolean {
  if (RANGE_NAMES.has(text.toLowerCase())) return true;
  const [address = '', prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * `HTTP_TRUST_PROXY`: empty (or false, 0) trusts no proxy; a hop count; or addresses and CIDRs.
 * `true` is refused: it believes X-Forwarded-For from anyone, so anyone could claim any
 * address and pass every per-address limit and the staff console's lock-out.
 */
function trustProxy(value: string | undefined, ctx: z.RefinementCtx): false | number | string {
  if (value === undefined || /^(false|no|off|0)$/i.test(value)) return false;
  if (/^(true|yes|on)$/i.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `不接受 true:它会相信任何人发来的 X-Forwarded-For,谁都能冒充别的地址,按地址的限流和工作人员登录锁定就失效了。${EXPECTED}`,
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 16) return hops;
  } else {
    const parts = value.split(',').map((part) => part.trim());
    if (parts.every((part) => part !== '' && isProxyAddress(part))) return parts.join(',');
  }
  ctx.addIssue({ code: 'custom', message: EXPECTED });
  return z.NEVER;
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
    trustProxy: e.HTTP_TRUST_PROXY,
    ratePerMinute: e.HTTP_RATE_PER_MINUTE,
    bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
  };
}
