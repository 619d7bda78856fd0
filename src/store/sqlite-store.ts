/**
 * The production {@link MessageStore}: SQLite (better-sqlite3) in `DATA_DIR/legal-bot.sqlite`.
 * Recording a message only queues it: nothing on the answering path touches the database.
 * A timer writes the queue in chunks (one transaction each), so part of it lands when only
 * part fits. When the database cannot be opened or written (read-only or missing directory,
 * disk full, locked file) the failure is logged once with QLB_STORE_FAILED, the store turns
 * `degraded` and the timer tries again after a pause that doubles up to 5 minutes; never one
 * retry per message. The queue is bounded: records beyond it are dropped, counted, and the
 * count logged once per interval (QLB_STORE_RECORDS_DROPPED).
 */
import { ErrorCodes } from '../errors.js';
import type { Logger } from '../logger.js';
import { saltedHasher, type MessageStore } from './message-store.js';
import { openStoreDatabase, prepareWrite, type Db, type Queued } from './sqlite-database.js';
import { readOrCreateSalt } from './salt.js';
import { errorCode, writeHealthFile, type StoreHealth } from './store-health.js';
import { createWriteQueue } from './write-queue.js';

export { openStoreDatabase, STORE_FILE } from './sqlite-database.js';

export interface SqliteStoreOptions {
  dataDir: string;
  logger: Logger;
  /** Records kept at most while the database cannot be written; newer ones are dropped (and counted) beyond. */
  maxQueued?: number;
  /** How often queued records are written, in ms. */
  flushEveryMs?: number;
  /** A queue this long is written soon (on the next turn of the event loop, never inside recordMessage). */
  flushAt?: number;
  /** Records per transaction at most; halved down to 1 while the disk is full. */
  chunkSize?: number;
  /** First pause after a failure before the next try, in ms; doubled up to 5 minutes. */
  retryMs?: number;
  /** Dropped records are logged at most once per this many ms. */
  dropLogEveryMs?: number;
  now?: () => number;
  /** Opens the database of the data directory; replaced by tests to simulate failures. */
  openDatabase?: (dataDir: string) => Db;
}

const MAX_RETRY_MS = 5 * 60_000;
/** One write pass holds the main thread at most about this long; the rest goes on the next turn. */
const FLUSH_BUDGET_MS = 50;

/** Creates the store. Nothing is opened until the first write; this never throws. */
export function openSqliteStore(options: SqliteStoreOptions): MessageStore {
  const { logger, dataDir } = options;
  const now = options.now ?? Date.now;
  const flushAt = options.flushAt ?? 200;
  const maxChunk = options.chunkSize ?? 500;
  const baseRetry = options.retryMs ?? 5_000;
  const dropLogEveryMs = options.dropLogEveryMs ?? 60_000;
  const openDatabase = options.openDatabase ?? openStoreDatabase;
  const salt = readOrCreateSalt(dataDir, logger);
  const queue = createWriteQueue<Queued>(options.maxQueued ?? 10_000);
  let db: Db | undefined;
  let write: ((items: Queued[]) => void) | undefined;
  let chunk = maxChunk;
  let written = 0;
  let since: number | undefined;
  let lastError: StoreHealth['lastError'];
  let retryAt = 0;
  let retryMs = baseRetry;
  let lastDropLog = 0;
  let scheduled = false;
  let closed = false;

  let failures = 0;
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
      { code: ErrorCodes.STORE_FAILED, operation, err: error, dataDir, queued: queue.size },
      'message store failed; answering goes on, records are kept in memory and retried',
    );
    writeHealthFile(dataDir, health(), now());
  };
  const recovered = () => {
    retryMs = baseRetry;
    if (since === undefined) return;
    since = undefined;
    logger.info({ dropped: queue.droppedTotal, queued: queue.size }, 'message store recovered');
    writeHealthFile(dataDir, health(), now());
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

  const connect = (): boolean => {
    if (db) return true;
    try {
      const opened = openDatabase(dataDir);
      write = prepareWrite(opened);
      db = opened;
      return true;
    } catch (error) {
      fail('open', error);
      return false;
    }
  };

  /** Writes chunk after chunk within the time budget; true when the queue is empty. */
  function flush(): boolean {
    if (closed && !db) return queue.size === 0;
    if (queue.size === 0) return true;
    if (!connect() || !write) return false;
    const started = performance.now();
    while (queue.size > 0) {
      const items = queue.peek(chunk);
      try {
        write(items);
      } catch (error) {
        // A full disk may still take a smaller chunk: try it at once; anything else waits.
        if (errorCode(error) === 'SQLITE_FULL' && chunk > 1) {
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

  function schedule(): void {
    if (scheduled || closed) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (now() >= retryAt) flush();
    }).unref();
  }

  const enqueue = (item: Queued) => {
    if (closed) return;
    queue.push(item);
    if (queue.size >= flushAt && since === undefined) schedule();
  };

  const timer = setInterval(() => {
    reportDrops();
    if (now() >= retryAt) flush();
  }, options.flushEveryMs ?? 2_000);
  timer.unref();

  return {
    hashConversation: saltedHasher(salt),
    recordMessage: (record) => enqueue({ type: 'message', record }),
    recordFeedback: (record) => enqueue({ type: 'feedback', record }),
    flush,
    health,
    purge(before) {
      if (!connect() || !db) return undefined;
      const handle = db;
      try {
        const removed = handle.transaction(
          () =>
            handle.prepare('DELETE FROM messages WHERE at < ?').run(before).changes +
            handle.prepare('DELETE FROM feedback WHERE at < ?').run(before).changes,
        )();
        recovered();
        return removed;
      } catch (error) {
        fail('purge', error);
        return undefined;
      }
    },
    close() {
      if (closed) return;
      clearInterval(timer);
      let done = flush();
      while (!done && since === undefined && queue.size > 0) done = flush();
      reportDrops(true);
      if (!done) logger.warn({ code: ErrorCodes.STORE_FAILED, lost: queue.size, dropped: queue.droppedTotal }, 'message store closed with records unwritten');
      closed = true;
      try {
        db?.close();
      } catch (error) {
        logger.warn({ code: ErrorCodes.STORE_FAILED, err: error }, 'closing the message store failed');
      }
      db = undefined;
    },
  };
}
