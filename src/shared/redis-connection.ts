/**
 * The Redis connection several instances share state through (ioredis). It never stops
 * answering: commands fail at once while Redis is down (no offline queue) or after a short
 * timeout when it hangs, {@link RedisConnection.run} turns a failure into `undefined`, and the
 * caller carries on without shared state. An outage is logged once with QLB_REDIS_UNAVAILABLE
 * and its end once; ioredis reconnects with a growing pause (up to 5 s).
 */
import { Redis } from 'ioredis';
import { ErrorCodes } from '../errors.js';
import type { Logger } from '../logger.js';

export interface RedisHealth {
  state: 'ok' | 'degraded';
  /** When the outage began (ms since the epoch), while degraded. */
  since?: number;
  /** Commands that failed since start. */
  failures: number;
  lastError?: string;
}

export interface RedisConnection {
  /** The command connection, for callers that must see failures themselves (locks). */
  readonly client: Redis;
  /** Every key and channel starts with it (REDIS_KEY_PREFIX). */
  readonly prefix: string;
  /** True while connected and ready. */
  readonly up: boolean;
  /** Runs `command`; undefined when Redis is down or the command failed (logged, never thrown). */
  run<T>(operation: string, command: (client: Redis) => Promise<T>): Promise<T | undefined>;
  /** Calls `listener` at every connection after the first (Redis is back). */
  onRecovered(listener: () => void): () => void;
  /**
   * A new connection of its own for subscriptions, closed with this one. It queues commands
   * while offline, never times them out and does not subscribe again by itself after a
   * reconnect: ioredis' own resubscription leaves a rejected promise nobody can handle, so the
   * caller subscribes at every `ready` and handles the outcome.
   */
  duplicate(): Redis;
  /** Resolves true once ready, false after `ms`. */
  ready(ms: number): Promise<boolean>;
  health(): RedisHealth;
  close(): Promise<void>;
}

export interface RedisOptions {
  url: string;
  keyPrefix: string;
  logger: Logger;
  /** A command waits at most this long for its reply, in ms (default 1 s). */
  commandTimeoutMs?: number;
  now?: () => number;
}

/** Command failures while connected are logged at most once per this many ms. */
const FAILURE_LOG_EVERY_MS = 60_000;

/** The host of a Redis URL without user or password, for log lines. */
export function describeRedis(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(REDIS_URL)';
  }
}

/** Connects in the background; never throws. */
export function openRedis(options: RedisOptions): RedisConnection {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const where = describeRedis(options.url);
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 250, 5_000),
  });
  const extra: Redis[] = [];
  const recoveredListeners = new Set<() => void>();
  let connectedOnce = false;
  let since: number | undefined = now();
  let announced = false;
  let failures = 0;
  let lastError: string | undefined;
  let lastFailureLog = 0;
  let closing = false;

  const down = (error?: Error) => {
    if (closing) return;
    if (error) lastError = error.message;
    since ??= now();
    if (announced) return;
    announced = true;
    logger.error(
      { code: ErrorCodes.REDIS_UNAVAILABLE, redis: where, err: error },
      'Redis unreachable: conversations are answered without memory and limits count per instance until it is back; retrying',
    );
  };
  client.on('error', (error: Error) => {
    if (client.status !== 'ready') down(error);
    else logger.debug({ err: error, redis: where }, 'redis connection error');
  });
  client.on('close', () => down());
  client.on('ready', () => {
    const outage = since === undefined ? 0 : now() - since;
    since = undefined;
    if (announced) logger.info({ redis: where, downMs: outage }, 'Redis is back: shared state in use again');
    announced = false;
    if (connectedOnce) for (const listener of recoveredListeners) listener();
    else logger.info({ redis: where }, 'Redis connected');
    connectedOnce = true;
  });

  return {
    client,
    prefix: options.keyPrefix,
    get up() {
      return client.status === 'ready';
    },
    async run(operation, command) {
      if (client.status !== 'ready') return undefined;
      try {
        return await command(client);
      } catch (error) {
        failures += 1;
        lastError = (error as Error).message;
        const log = now() - lastFailureLog >= FAILURE_LOG_EVERY_MS;
        if (log) lastFailureLog = now();
        logger[log ? 'warn' : 'debug']({ code: ErrorCodes.REDIS_UNAVAILABLE, operation, err: error, redis: where }, 'a Redis command failed; going on without it');
        return undefined;
      }
    },
    onRecovered(listener) {
      recoveredListeners.add(listener);
      return () => recoveredListeners.delete(listener);
    },
    duplicate() {
      const connection = client.duplicate({ enableOfflineQueue: true, autoResubscribe: false, commandTimeout: undefined });
      connection.on('error', (error: Error) => logger.debug({ err: error, redis: where }, 'redis subscriber connection error'));
      extra.push(connection);
      return connection;
    },
    async ready(ms) {
      if (client.status === 'ready') return true;
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => finish(false), ms);
        timer.unref();
        const onReady = () => finish(true);
        function finish(result: boolean) {
          clearTimeout(timer);
          client.off('ready', onReady);
          resolve(result);
        }
        client.on('ready', onReady);
      });
    },
    health: () => ({
      state: client.status === 'ready' ? 'ok' : 'degraded',
      failures,
      ...(since === undefined || client.status === 'ready' ? {} : { since }),
      ...(lastError ? { lastError } : {}),
    }),
    async close() {
      closing = true;
      for (const connection of [...extra, client]) {
        // quit() waits for replies under way; a dead connection is simply dropped.
        if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
        else connection.disconnect();
      }
    },
  };
}
