/**
 * What every message store engine shares: recording only queues a record, so nothing on the
 * answering path touches the database. A timer writes the queue in chunks (one transaction
 * each), so part of it lands when only part fits. When the database cannot be reached or
 * written (SQLite: read-only, locked, disk full; PostgreSQL: down, refusing) the failure is
 * logged once with QLB_STORE_FAILED, the store turns `degraded` and the timer tries again
 * after a pause that doubles up to 5 minutes; never one retry per message. The queue is
 * bounded: records beyond it are dropped, counted, and the count logged once per interval
 * (QLB_STORE_RECORDS_DROPPED).
 */
import { ErrorCodes } from '../errors.js';
import type { Logger } from '../logger.js';
import { errorCode, type StoreHealth } from './store-health.js';
import { createWriteQueue } from './write-queue.js';

/** The engine under the writer. */
export interface WriterBackend<T> {
  /** Opens the database when needed (connection, migrations); throws when it cannot. */
  connect(): void | Promise<void>;
  /** Writes `items` all or none; throws on failure. */
  write(items: T[]): void | Promise<void>;
  /** True for an error after which a smaller chunk may still fit (a full disk): tried at once. */
  shrinks?(error: unknown): boolean;
}

export interface QueuedWriterOptions {
  logger: Logger;
  /** Said in log lines: where the records go (the data directory, the database host). */
  where: Record<string, unknown>;
  /** Records kept at most while the database cannot be written; newer ones are dropped and counted (10,000). */
  maxQueued?: number;
  /** How often queued records are written, in ms (2 s). */
  flushEveryMs?: number;
  /** A queue this long is written on the next turn of the event loop, never inside recordMessage (200). */
  flushAt?: number;
  /** Records per transaction at most (500); halved down to 1 while the backend says a smaller one may fit. */
  chunkSize?: number;
  /** First pause after a failure before the next try, in ms (5 s); doubled up to 5 minutes. */
  retryMs?: number;
  /** Dropped records are logged at most once per this many ms (a minute). */
  dropLogEveryMs?: number;
  now?: () => number;
  /** Told of every change between ok and degraded (a health file for `stats`). */
  onStateChange?(health: StoreHealth): void;
}

export interface QueuedWriter<T> {
  enqueue(item: T): void;
  /** Writes what is queued; false when that failed or is not finished (the rest is kept). */
  flush(): Promise<boolean>;
  /** Runs another operation (a purge) with the same failure accounting; undefined when it failed. */
  attempt<R>(operation: string, run: () => R | Promise<R>): Promise<R | undefined>;
  health(): StoreHealth;
  /** Stops the timer and writes what it can; true when nothing is left unwritten. */
  close(): Promise<boolean>;
}

const MAX_RETRY_MS = 5 * 60_000;
/** One write pass holds the main thread at most about this long; the rest goes on the next turn. */
const FLUSH_BUDGET_MS = 50;

/** Creates the writer; nothing is opened until the first write. */
export function createQueuedWriter<T>(backend: WriterBackend<T>, options: QueuedWriterOptions): QueuedWriter<T> {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const flushAt = options.flushAt ?? 200;
  const maxChunk = options.chunkSize ?? 500;
  const baseRetry = options.retryMs ?? 5_000;
  const dropLogEveryMs = options.dropLogEveryMs ?? 60_000;
  const queue = createWriteQueue<T>(options.maxQueued ?? 10_000);
  let chunk = maxChunk;
  let written = 0;
  let failures = 0;
  let since: number | undefined;
  let lastError: StoreHealth['lastError'];
  let retryAt = 0;
  let retryMs = baseRetry;
  let lastDropLog = 0;
  let scheduled = false;
  let closed = false;
  let running: Promise<boolean> | undefined;

  const health = (): StoreHealth => ({
    state: closed ? 'closed' : since === undefined ? 'ok' : 'degraded',
    writable: !closed && since === undefined,
    failures,
    queued: queue.size,
    dropped: queue.droppedTotal,
    written,
    ...(since === undefined ? {} : { since }),
    ...(lastError ? { lastError } : {}),
  });

  const fail = (operation: string, error: unknown) => {
    failures += 1;
    retryAt = now() + retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    lastError = { code: errorCode(error), message: (error as Error)?.message ?? String(error), at: now() };
    if (since !== undefined) return logger.debug({ code: ErrorCodes.STORE_FAILED, operation, err: error }, 'store still failing');
    since = now();
    logger.error(
      { code: ErrorCodes.STORE_FAILED, operation, err: error, ...options.where, queued: queue.size },
      'message store failed; answering goes on, records are kept in memory and retried',
    );
    options.onStateChange?.(health());
  };
  const recovered = () => {
    retryMs = baseRetry;
    if (since === undefined) return;
    since = undefined;
    logger.info({ dropped: queue.droppedTotal, queued: queue.size }, 'message store recovered');
    options.onStateChange?.(health());
  };
  const reportDrops = (force = false) => {
    if (!force && now() - lastDropLog < dropLogEveryMs) return;
    const dropped = queue.takeDroppedSinceReport();
    if (dropped === 0) return;
    lastDropLog = now();
    logger.warn(
      { code: ErrorCodes.STORE_RECORDS_DROPPED, dropped, droppedTotal: queue.droppedTotal, queued: queue.size },
      `message store queue full: ${dropped} record(s) dropped`,
    );
  };

  const connect = (): Promise<boolean> =>
    Promise.resolve()
      .then(() => backend.connect())
      .then(() => true, (error: unknown) => (fail('open', error), false));

  /** Writes chunk after chunk within the time budget; true when the queue is empty. */
  async function pass(): Promise<boolean> {
    if (closed || queue.size === 0) return queue.size === 0;
    if (!(await connect())) return false;
    const started = performance.now();
    while (queue.size > 0) {
      const items = queue.peek(chunk);
      try {
        await backend.write(items);
      } catch (error) {
        if (backend.shrinks?.(error) && chunk > 1) {
          chunk = Math.max(1, Math.floor(chunk / 2));
          continue;
        }
        fail('write', error);
        return false;
      }
      queue.remove(items.length);
      written += items.length;
      chunk = Math.min(maxChunk, chunk * 2);
      recovered();
      if (performance.now() - started > FLUSH_BUDGET_MS && queue.size > 0) {
        schedule();
        return false;
      }
    }
    return true;
  }

  const flush = (): Promise<boolean> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  function schedule(): void {
    if (scheduled || closed) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (now() >= retryAt) void flush();
    }).unref();
  }

  const timer = setInterval(() => {
    reportDrops();
    if (now() >= retryAt) void flush();
  }, options.flushEveryMs ?? 2_000);
  timer.unref();

  return {
    enqueue(item) {
      if (closed) return;
      queue.push(item);
      if (queue.size >= flushAt && since === undefined) schedule();
    },
    flush,
    health,
    async attempt(operation, run) {
      if (!(await connect())) return undefined;
      try {
        const result = await run();
        recovered();
        return result;
      } catch (error) {
        fail(operation, error);
        return undefined;
      }
    },
    async close() {
      if (closed) return queue.size === 0;
      clearInterval(timer);
      let done = await flush();
      while (!done && since === undefined && queue.size > 0) done = await flush();
      reportDrops(true);
      if (!done) logger.warn({ code: ErrorCodes.STORE_FAILED, lost: queue.size, dropped: queue.droppedTotal }, 'message store closed with records unwritten');
      closed = true;
      return done;
    },
  };
}
