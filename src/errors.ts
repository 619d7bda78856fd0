/**
 * Every error the bot raises on purpose, with a stable code, in one place
 * (the shape follows fastify's lib/errors). Log the code; show users a safe reply.
 */

/** Stable error codes. Never renumber or reuse one. */
export const ErrorCodes = {
  CONFIG_INVALID: 'QLB_CONFIG_INVALID',
  KNOWLEDGE_INVALID: 'QLB_KNOWLEDGE_INVALID',
  KNOWLEDGE_NOT_FOUND: 'QLB_KNOWLEDGE_NOT_FOUND',
  SEGMENTER_UNAVAILABLE: 'QLB_SEGMENTER_UNAVAILABLE',
  HANDLER_FAILED: 'QLB_HANDLER_FAILED',
  ADAPTER_FAILED: 'QLB_ADAPTER_FAILED',
  EVAL_FILE_INVALID: 'QLB_EVAL_FILE_INVALID',
  /** The message store could not open, write or purge (disk full, locked, read-only); answering goes on. */
  STORE_FAILED: 'QLB_STORE_FAILED',
  /** Watching the knowledge directory for live updates failed; SIGHUP and /reload still work. */
  KNOWLEDGE_WATCH_FAILED: 'QLB_KNOWLEDGE_WATCH_FAILED',
  /** A request to the official-account URL had a missing or wrong signature / msg_signature: refused. */
  WECHAT_MP_SIGNATURE_INVALID: 'QLB_WECHAT_MP_SIGNATURE_INVALID',
  /** A signed request's timestamp is outside the replay window (a replay, or a wrong server clock). */
  WECHAT_MP_TIMESTAMP_STALE: 'QLB_WECHAT_MP_TIMESTAMP_STALE',
  /** A message body is not the XML WeChat sends (unparseable, too large, a DOCTYPE, fields missing). */
  WECHAT_MP_XML_INVALID: 'QLB_WECHAT_MP_XML_INVALID',
  /** An encrypted message could not be decrypted (bad base64, block size, padding or length). */
  WECHAT_MP_DECRYPT_FAILED: 'QLB_WECHAT_MP_DECRYPT_FAILED',
  /** A decrypted message names another AppID than WECHAT_MP_APPID. */
  WECHAT_MP_APPID_MISMATCH: 'QLB_WECHAT_MP_APPID_MISMATCH',
  /** An encrypted (safe or compatible mode) message arrived but WECHAT_MP_AES_KEY is not set. */
  WECHAT_MP_AES_KEY_MISSING: 'QLB_WECHAT_MP_AES_KEY_MISSING',
  /** The access token could not be fetched (wrong AppID/secret, IP not on the whitelist, network). */
  WECHAT_MP_TOKEN_FAILED: 'QLB_WECHAT_MP_TOKEN_FAILED',
  /** An official-account API call failed (errcode in the details), after any retry that could help. */
  WECHAT_MP_API_FAILED: 'QLB_WECHAT_MP_API_FAILED',
  /** WeChat refused a customer-service message: the person has not written for 48 h, or the quota is used (45015, 45047). */
  WECHAT_MP_REPLY_WINDOW_CLOSED: 'QLB_WECHAT_MP_REPLY_WINDOW_CLOSED',
  /** The official-account menu cannot be built (layout file invalid, unknown topic, too many buttons, name too long). */
  WECHAT_MP_MENU_INVALID: 'QLB_WECHAT_MP_MENU_INVALID',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** An error the bot knows about; `details` lists what exactly is wrong (file, field...). */
export class BotError extends Error {
  readonly code: ErrorCode;
  readonly details: string[];

  constructor(code: ErrorCode, message: string, details: string[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a {@link BotError} with the given code. */
export function hasCode(error: unknown, code: ErrorCode): error is BotError {
  return error instanceof BotError && error.code === code;
}
