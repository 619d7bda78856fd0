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
  /** An observer of the app (metrics) threw; answering goes on. */
  HOOK_FAILED: 'QLB_HOOK_FAILED',
  /** The HTTP server could not bind its port (in use, no permission, bad host). */
  HTTP_LISTEN_FAILED: 'QLB_HTTP_LISTEN_FAILED',
  /** An API request body is not JSON or does not match the request's schema (HTTP 400). */
  HTTP_BAD_REQUEST: 'QLB_HTTP_BAD_REQUEST',
  /** An API request body is over `HTTP_BODY_LIMIT_BYTES` (HTTP 413). */
  HTTP_BODY_TOO_LARGE: 'QLB_HTTP_BODY_TOO_LARGE',
  /** An API request was not sent as `application/json` (HTTP 415). */
  HTTP_UNSUPPORTED_MEDIA_TYPE: 'QLB_HTTP_UNSUPPORTED_MEDIA_TYPE',
  /** No such route or method (HTTP 404). */
  HTTP_NOT_FOUND: 'QLB_HTTP_NOT_FOUND',
  /** Over `HTTP_RATE_PER_MINUTE` for the client address (HTTP 429). */
  HTTP_RATE_LIMITED: 'QLB_HTTP_RATE_LIMITED',
  /** A route failed unexpectedly (HTTP 500); the cause is logged, never sent. */
  HTTP_INTERNAL: 'QLB_HTTP_INTERNAL',
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
