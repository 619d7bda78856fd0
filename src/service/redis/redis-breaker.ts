/**
 * The circuit breaker of the one Redis connection every Redis user goes through (conversation
 * state and locks, rate limits, the cache, instance locks, reload broadcasts, the salt). A
 * command not answered within the timeout means Redis hangs (stopped, or cut off without a
 * reset, where the socket stays open and nothing fails fast): the breaker opens and no command
 * is sent, so every caller goes on at once as while Redis is down, instead of each message
 * paying the timeout for the whole hang. A probe (PING) is sent every `probeEveryMs`; the
 * first one answered closes it. A new connection closes it too (a fresh socket fails fast).
 */
import { ReplyError } from 'ioredis';
import { systemClock, type Clock } from '../time/clock.js';

/** The failure of a command not answered in time. */
export class RedisTimeoutError extends Error {
  constructor(ms: number) {
    super(`Command timed out (no answer within ${ms} ms)`);
    this.name = 'RedisTimeoutError';
  }
}

/**
 * `work`, or a {@link RedisTimeoutError} when it has not settled `ms` after it started. The
 * verdict waits for the event loop's next check phase, after pending I/O: when the process
 * itself was busy (a long synchronous task) the answer may be sitting unread in the socket,
 * and a busy process is no hung Redis. The command itself goes on (its outcome is ignored).
 */
export function answeredWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let settled = false;
  const watched = work.finally(() => (settled = true));
  watched.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => setImmediate(() => (settled ? undefined : reject(new RedisTimeoutError(ms)))), ms);
    timer.unref();
    watched.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export interface RedisBreaker {
  /** True while commands may be sent (closed); false while Redis is taken to hang (open). */
  readonly closed: boolean;
  /** When it opened (ms since the epoch), while open. */
  readonly openSince: number | undefined;
  /** Told of every failed command; opens on one that means no answer came (not on Redis's own error replies). */
  failed(error: unknown): void;
  /** A new connection is ready: commands may be sent again. */
  reset(): void;
  /** Stops probing. */
  stop(): void;
}

export interface RedisBreakerOptions {
  /** Sends one probe; resolves when Redis answered, rejects otherwise (within the command timeout). */
  probe(): Promise<unknown>;
  /** Whether a probe can be sent at all (connected). */
  connected(): boolean;
  /** Pause between two probes while open, in ms. */
  probeEveryMs: number;
  /** Told once when it opens, with the failure that opened it. */
  onOpen(error: unknown): void;
  /** Told once when a probe was answered, with how long it was open. */
  onClose(openMs: number): void;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

/** A failure that says nothing about Redis answering: an error reply (wrong type, script error) came back. */
const answered = (error: unknown) => error instanceof ReplyError;

export function createRedisBreaker(options: RedisBreakerOptions): RedisBreaker {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  let openSince: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let probing = false;

  const close = (probed: boolean) => {
    if (openSince === undefined) return;
    const openMs = now() - openSince;
    openSince = undefined;
    clearInterval(timer);
    timer = undefined;
    if (probed) options.onClose(openMs);
  };
  const probe = async () => {
    if (probing || !options.connected()) return;
    probing = true;
    try {
      await options.probe();
      close(true);
    } catch {
      // still not answering: the next tick tries again
    } finally {
      probing = false;
    }
  };

  return {
    get closed() {
      return openSince === undefined;
    },
    get openSince() {
      return openSince;
    },
    failed(error) {
      if (openSince !== undefined || answered(error)) return;
      openSince = now();
      options.onOpen(error);
      timer = setInterval(() => void probe(), options.probeEveryMs);
      timer.unref();
    },
    reset: () => close(false),
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
