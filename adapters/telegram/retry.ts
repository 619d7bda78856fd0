/**
 * Retrying Bot API calls: on 429 wait the `retry_after` Telegram asks for; on network
 * errors and 5xx back off exponentially; everything else (400 bad request, 403 blocked by
 * the user...) fails at once, since repeating it cannot help. Always bounded, and every
 * wait ends at once when the adapter's stop deadline aborts it.
 */
import { TelegramError, type Telegram } from 'telegraf';
import type { Clock } from '../../src/service/time/clock.js';
import type { TelegramPacing } from './telegram-options.js';

export type RetryPolicy = Pick<TelegramPacing, 'attempts' | 'backoffMs' | 'maxRetryAfterMs'>;

/**
 * The options of telegraf's `callApi` for a standard AbortSignal: its typings name the
 * abort-controller shim, and node-fetch underneath takes either.
 */
export function cancelledBy(signal: AbortSignal): Parameters<Telegram['callApi']>[2] {
  return { signal } as unknown as Parameters<Telegram['callApi']>[2];
}

/** Raised instead of sending once the adapter's stop deadline has passed. */
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

/**
 * Calls `call` until it succeeds or {@link retryDelay} gives up, then rethrows the last
 * error; {@link DroppedError} once `signal` aborted. `onRetry` is told about each wait.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  options: { clock: Clock; signal: AbortSignal; onRetry?: (error: unknown, waitMs: number, attempt: number) => void },
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    if (options.signal.aborted) throw new DroppedError();
    try {
      return await call();
    } catch (error) {
      if (options.signal.aborted) throw new DroppedError();
      const wait = retryDelay(error, attempt, policy);
      if (wait === undefined) throw error;
      options.onRetry?.(error, wait, attempt);
      await options.clock.sleep(wait, options.signal);
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
