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
  /** The message store's queue was full while the database could not be written: records were dropped (counted). */
  STORE_RECORDS_DROPPED: 'QLB_STORE_RECORDS_DROPPED',
  /** `stats` / `review`: the database file is not a database or is damaged. */
  STORE_CORRUPT: 'QLB_STORE_CORRUPT',
  /** `stats` / `review`: the data directory or database cannot be read (permissions, read-only without its WAL files). */
  STORE_UNREADABLE: 'QLB_STORE_UNREADABLE',
  /** `stats` / `review`: the disk is full, so the database cannot be read or the CSV written. */
  STORE_DISK_FULL: 'QLB_STORE_DISK_FULL',
  /** `stats` / `review`: the database is locked by another process for longer than the wait. */
  STORE_LOCKED: 'QLB_STORE_LOCKED',
  /** `review --csv`: the CSV file cannot be written. */
  OUTPUT_FAILED: 'QLB_OUTPUT_FAILED',
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
