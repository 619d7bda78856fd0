/**
 * The Redis connection several instances share state through (ioredis). It never stops
 * answering: commands fail at once while Redis is down (no offline queue); when it hangs, the
 * first command not answered within the timeout opens the breaker ({@link createRedisBreaker})
 * and no command is sent until a probe is answered. {@link RedisConnection.run} turns a
 * failure or an open breaker into `undefined`, and the caller carries on without shared
 * state. An outage is logged once with QLB_REDIS_UNAVAILABLE and its end once; ioredis
 * reconnects with a growing pause (up to 5 s).
 */
import { Redis } from 'ioredis';
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { answeredWithin, createRedisBreaker } from './redis-breaker.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface RedisHealth {
  state: 'ok' | 'degraded';
  /** When the outage began (ms since the epoch), while degraded. */
  since?: number;
  /** While degraded: `hung` when connected but not answering within `timeoutMs`, else `unreachable`. */
  reason?: 'unreachable' | 'hung';
  /** A command not answered within this many ms counts as a hung Redis. */
  timeoutMs: number;
  /** Commands that failed since start. */
  failures: number;
  lastError?: string;
}

export interface RedisConnection {
  /** The command connection, for callers that must see failures themselves (locks). */
  readonly client: Redis;
  /** Every key and channel starts with it (REDIS_KEY_PREFIX). */
  readonly prefix: string;
  /** True while connected, ready and answering (the breaker closed). */
  readonly up: boolean;
  /** Runs `command`; undefined when Redis is down or hangs, or the command failed (logged, never thrown). */
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
  /** A command waits at most this long for its reply, in ms (default 300); longer means Redis hangs. */
  commandTimeoutMs?: number;
  /** While Redis hangs, a PING is sent this often, in ms (default 1 s). */
  probeEveryMs?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
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
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const where = describeRedis(options.url);
  const timeoutMs = options.commandTimeoutMs ?? 300;
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // A backstop only: run() and the probe time commands out themselves (answeredWithin).
    commandTimeout: Math.max(5_000, timeoutMs * 10),
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
  const breaker = createRedisBreaker({
    probe: () => answeredWithin(client.ping(), timeoutMs),
    connected: () => client.status === 'ready',
    probeEveryMs: options.probeEveryMs ?? 1_000,
    clock,
    onOpen(error) {
      lastError = (error as Error)?.message ?? String(error);
      if (closing || client.status !== 'ready') return; // a lost connection is logged as such
      logger.error(
        { code: ErrorCodes.REDIS_UNAVAILABLE, redis: where, timeoutMs, err: error },
        `Redis does not answer within ${timeoutMs} ms: going on without it, as while it is down, until it answers a probe`,
      );
    },
    onClose: (downMs) => logger.info({ redis: where, downMs }, 'Redis answers again: shared state in use again'),
  });
  client.on('ready', () => {
    breaker.reset();
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
      return client.status === 'ready' && breaker.closed;
    },
    async run(operation, command) {
      if (client.status !== 'ready' || !breaker.closed) return undefined;
      try {
        return await answeredWithin(command(client), timeoutMs);
      } catch (error) {
        const wasClosed = breaker.closed;
        breaker.failed(error);
        failures += 1;
        lastError = (error as Error).message;
        // The breaker opening was logged already.
        const log = (!wasClosed || breaker.closed) && now() - lastFailureLog >= FAILURE_LOG_EVERY_MS;
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
    health(): RedisHealth {
      const reachable = client.status === 'ready';
      const outage = !reachable ? since : breaker.openSince;
      return {
        state: reachable && breaker.closed ? 'ok' : 'degraded',
        timeoutMs,
        failures,
        ...(reachable && breaker.closed ? {} : { reason: reachable ? 'hung' : 'unreachable' }),
        ...(outage === undefined || (reachable && breaker.closed) ? {} : { since: outage }),
        ...(lastError ? { lastError } : {}),
      };
    },
    async close() {
      closing = true;
      breaker.stop();
      for (const connection of [...extra, client]) {
        // quit() waits for replies under way; a dead connection is simply dropped.
        if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect());
        else connection.disconnect();
      }
    },
  };
}
