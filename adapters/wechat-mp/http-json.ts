/**
 * One JSON request to the official-account API with node's fetch, a timeout and the
 * adapter's stop signal. Never logs: URLs carry the access token.
 */

/** WeChat's answer: `errcode` 0 or absent means success. */
export interface ApiResult {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

/** The request failed before WeChat answered with JSON: network, timeout, HTTP status. */
export class TransportError extends Error {
  /** True when trying again may help (network, timeout, 429, 5xx). */
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
    this.retryable = retryable;
  }
}

/** POSTs `body` as JSON (or GETs when it is undefined) and returns the parsed answer. */
export async function requestJson(url: string, body: unknown, options: { timeoutMs: number; signal?: AbortSignal }): Promise<ApiResult> {
  const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    const stopped = options.signal?.aborted ?? false;
    throw new TransportError(stopped ? 'stopped' : `no answer (${(error as Error).name})`, !stopped, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new TransportError(`HTTP ${response.status}`, response.status === 429 || response.status >= 500);
  }
  try {
    return (await response.json()) as ApiResult;
  } catch (error) {
    throw new TransportError('answer is not JSON', false, { cause: error });
  }
}
