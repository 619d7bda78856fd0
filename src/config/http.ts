/**
 * The HTTP server's keys (`HTTP_*`) and its settings: where it listens, whom to believe for
 * the client address, and the limits of its API.
 */
import { z } from 'zod';
import { blankAsUnset, integer, optionalText } from './env-types.js';

/** Port of the HTTP server when `HTTP_PORT` is unset. */
export const DEFAULT_HTTP_PORT = 3000;

/** The HTTP server's part of the environment schema. */
export const HttpEnv = {
  HTTP_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(0).max(65_535).optional()),
  HTTP_HOST: z.string().trim().min(1).default('127.0.0.1'),
  HTTP_TRUST_PROXY: optionalText,
  HTTP_RATE_PER_MINUTE: integer(120, 0, 100_000),
  HTTP_BODY_LIMIT_BYTES: integer(16_384, 1_024, 1_048_576),
};

type HttpValues = z.infer<z.ZodObject<typeof HttpEnv>>;

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

/** The HTTP settings; `needed` when something configured lives on the server. */
export function httpConfig(e: HttpValues, needed: boolean): HttpConfig {
  return {
    enabled: e.HTTP_PORT !== undefined || needed,
    port: e.HTTP_PORT ?? DEFAULT_HTTP_PORT,
    host: e.HTTP_HOST,
    trustProxy: trustProxy(e.HTTP_TRUST_PROXY),
    ratePerMinute: e.HTTP_RATE_PER_MINUTE,
    bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
  };
}
