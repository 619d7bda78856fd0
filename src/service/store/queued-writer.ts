/**
 * What every message store engine shares: recording only queues a record, so nothing on the
 * answering path touches the database. A timer writes the queue in chunks (one transaction
 * each), so part of it lands when only part fits. When the database cannot be reached or
 * written (SQLite: read-only, locked, disk full; PostgreSQL: down, refusing) the failure is
 * logged once with QLB_STORE_FAILED, the store turns `degraded` and the timer tries again
 * after a pause that doubles up to 5 minutes; never one retry per message. The queue is
 * bounded: with a spill file (store/spill-file.ts) records beyond it, and those still queued
 * at close, go to disk and are written by a later start; without one, or when the spill file
 * cannot be written either, they are lost, counted, and logged (QLB_STORE_RECORDS_DROPPED
 * once per interval, QLB_STORE_RECORDS_LOST at close).
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { QueuedRecord } from './queued-record.js';
import { createLossLog } from './loss-log.js';
import type { Spill } from './spill-file.js';
import { errorCode, type StoreHealth } from './store-health.js';
import { createWriteQueue } from './write-queue.js';
import { systemClock, type Clock } from '../time/clock.js';

/** The engine under the writer. */
export interface WriterBackend {
  /** Opens the database when needed (connection, migrations); throws when it cannot. */
  connect(): void | Promise<void>;
  /** Writes `items` all or none, skipping ids already stored; throws on failure. */
  write(items: QueuedRecord[]): void | Promise<void>;
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
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
  /** Told of every change between ok and degraded (a health file for `stats`). */
  onStateChange?(health: StoreHealth): void;
  /** Where records that do not fit the queue, or are left at close, are kept for a later start. */
  spill?: Spill;
}

export interface QueuedWriter {
  enqueue(item: QueuedRecord): void;
  /** Writes what is queued; false when that failed or is not finished (the rest is kept). */
  flush(): Promise<boolean>;
  /** Runs another operation (a purge) with the same failure accounting; undefined when it failed. */
  attempt<R>(operation: string, run: () => R | Promise<R>): Promise<R | undefined>;
  health(): StoreHealth;
  /** Stops the timer and writes what it can, spilling the rest when it may; true when nothing is lost. */
  close(): Promise<boolean>;
}

const MAX_RETRY_MS = 5 * 60_000;
/** One write pass holds the main thread at most about this long; the rest goes on the next turn. */
const FLUSH_BUDGET_MS = 50;

/** Creates the writer; nothing is opened until the first write. */
export function createQueuedWriter(backend: WriterBackend, options: QueuedWriterOptions): QueuedWriter {
  const { logger, spill } = options;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const flushAt = options.flushAt ?? 200;
  const maxChunk = options.chunkSize ?? 500;
  const baseRetry = options.retryMs ?? 5_000;
  const dropLogEveryMs = options.dropLogEveryMs ?? 60_000;
  const queue = createWriteQueue<QueuedRecord>(options.maxQueued ?? 10_000);
  const losses = createLossLog({ logger, queue, spill, everyMs: dropLogEveryMs, clock });
  let chunk = maxChunk;
  let written = 0;
  let failures = 0;
  let since: number | undefined;
  let lastError: StoreHealth['lastError'];
  let retryAt = 0;
  let retryMs = baseRetry;
  let scheduled = false;
  let closed = false;
  let running: Promise<boolean> | undefined;

  const health = (): StoreHealth => ({
    state: closed ? 'closed' : since === undefined ? 'ok' : 'degraded',
    writable: !closed && since === undefined,
    failures,
    queued: queue.size,
    dropped: lost(),
    spilled: spill?.spilled ?? 0,
    written,
    ...(since === undefined ? {} : { since }),
    ...(lastError ? { lastError } : {}),
  });

  /** Records neither written nor kept in a spill file (once closed, those still queued too). */
  const lost = () => queue.droppedTotal + (spill?.lost ?? 0) + (closed ? queue.size : 0);

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
    logger.info({ dropped: lost(), queued: queue.size }, 'message store recovered');
    options.onStateChange?.(health());
  };
  const connect = (): Promise<boolean> =>
    Promise.resolve()
      .then(() => backend.connect())
      .then(() => true, (error: unknown) => (fail('open', error), false));

  /** Writes chunk after chunk within the time budget, then replays spill files (unless closing); true when nothing waits. */
  async function pass(replay: boolean): Promise<boolean> {
    const replaying = replay && spill?.pending() === true;
    if (closed || (queue.size === 0 && !replaying)) return queue.size === 0;
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
    if (replaying) {
      try {
        await spill.replay(async (items) => {
          await backend.write(items);
          written += items.length;
        }, maxChunk);
      } catch (error) {
        fail('replay', error);
        return false;
      }
      recovered();
    }
    return true;
  }

  const flush = (replay = true): Promise<boolean> => {
    running ??= pass(replay).finally(() => {
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
    losses.report();
    if (now() >= retryAt) void flush();
  }, options.flushEveryMs ?? 2_000);
  timer.unref();

  return {
    enqueue(item) {
      if (closed) return;
      if (queue.full && spill) spill.append([item]);
      else queue.push(item);
      if (queue.size >= flushAt && since === undefined) schedule();
    },
    flush: () => flush(),
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
      if (closed) return lost() === 0;
      clearInterval(timer);
      // Spill files wait for the next start: a stop is not held up replaying them.
      let done = await flush(false);
      while (!done && since === undefined && queue.size > 0) done = await flush(false);
      losses.report(true);
      const left = queue.size;
      if (left > 0 && spill) {
        spill.append(queue.peek(left));
        queue.remove(left);
      }
      closed = true;
      await spill?.close();
      const missing = lost();
      losses.closed(missing, options.where);
      return missing === 0;
    },
  };
}
