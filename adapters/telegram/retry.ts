/**
 * Retrying Bot API calls: on 429 wait the `retry_after` Telegram asks for; on network
 * errors and 5xx back off exponentially; everything else (400 bad request, 403 blocked by
 * the user...) fails at once, since repeating it cannot help. Always bounded.
 */
import { TelegramError } from 'telegraf';
import type { TelegramPacing } from './telegram-options.js';

export type RetryPolicy = Pick<TelegramPacing, 'attempts' | 'backoffMs' | 'maxRetryAfterMs'>;

/** Raised instead of sending once the adapter gave up waiting at stop. */
export class DroppedError extends Error {
  constructor() {
    super('dropped: the adapter is stopping');
    this.name = 'DroppedError';
  }
}

/** True for errors of the connection itself (reset, refused, timeout, DNS), not of the API. */
export function isNetworkError(error: unknown): boolean {
  if (error instanceof TelegramError || typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'FetchError' || (typeof code === 'string' && /^E[A-Z_]+$/.test(code));
}

/**
 * How long to wait before try number `attempt + 1` after `error`, or undefined to give up.
 * `attempt` counts tries made so far (1 after the first failure).
 */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy): number | undefined {
  if (attempt >= policy.attempts) return undefined;
  if (error instanceof TelegramError) {
    if (error.code === 429) {
      const ms = (error.parameters?.retry_after ?? 1) * 1_000;
      return ms <= policy.maxRetryAfterMs ? ms : undefined;
    }
    return error.code >= 500 ? backoff(attempt, policy) : undefined;
  }
  return isNetworkError(error) ? backoff(attempt, policy) : undefined;
}

function backoff(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.backoffMs * 2 ** (attempt - 1), 30_000);
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller then checks it). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Calls `call` until it succeeds or {@link retryDelay} gives up, then rethrows the last
 * error. `onRetry` is told about each wait (for logging).
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  options: { signal?: AbortSignal; onRetry?: (error: unknown, waitMs: number, attempt: number) => void } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    if (options.signal?.aborted) throw new DroppedError();
    try {
      return await call();
    } catch (error) {
      const wait = retryDelay(error, attempt, policy);
      if (wait === undefined || options.signal?.aborted) throw error;
      options.onRetry?.(error, wait, attempt);
      await sleep(wait, options.signal);
    }
  }
}

/** Log fields for an API error: Telegram's code and description, never the request payload. */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof TelegramError) {
    return { telegramCode: error.code, description: error.description, method: (error.on as { method?: string }).method };
  }
  return { err: error };
}
