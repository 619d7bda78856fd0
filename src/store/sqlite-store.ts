/**
 * The production {@link MessageStore}: SQLite (better-sqlite3) in `DATA_DIR/legal-bot.sqlite`.
 * Records are queued in memory and written in one transaction every few seconds, so answering
 * never waits for the disk. When the database cannot be opened or written (read-only or
 * missing directory, disk full, locked file) the failure is logged once with
 * QLB_STORE_FAILED, the records stay queued (up to a bound; the oldest are dropped beyond)
 * and the write is retried with a growing pause. Answering is never affected.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { ErrorCodes } from '../errors.js';
import type { Logger } from '../logger.js';
import { saltedHash, type FeedbackRecord, type MessageRecord, type MessageStore } from './message-store.js';
import { migrate } from './migrations.js';
import { ensureDir } from '../fs/ensure-dir.js';
import { readOrCreateSalt } from './salt.js';

/** The database file's name inside the data directory. */
export const STORE_FILE = 'legal-bot.sqlite';

type Db = BetterSqlite3.Database;
type Queued = { type: 'message'; record: MessageRecord } | { type: 'feedback'; record: FeedbackRecord };

export interface SqliteStoreOptions {
  dataDir: string;
  logger: Logger;
  /** Records kept at most while the database cannot be written; the oldest are dropped beyond. */
  maxQueued?: number;
  /** How often queued records are written, in ms. */
  flushEveryMs?: number;
  /** A queue this long is written at once. */
  flushAt?: number;
  /** First pause after a failure before the next try, in ms; doubled up to 5 minutes. */
  retryMs?: number;
  now?: () => number;
  /** Opens the database of the data directory; replaced by tests to simulate failures. */
  openDatabase?: (dataDir: string) => Db;
}

const MAX_RETRY_MS = 5 * 60_000;

/** Opens the database of a data directory for writing, creating it and its schema if needed. */
export function openStoreDatabase(dataDir: string): Db {
  ensureDir(dataDir);
  // A short busy timeout: a locked file must not hold up answering; the write is retried later.
  const db = new Database(path.join(dataDir, STORE_FILE), { timeout: 200 });
  try {
    db.pragma('journal_mode = WAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Creates the store. Nothing is opened until the first write; this never throws. */
export function openSqliteStore(options: SqliteStoreOptions): MessageStore {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const maxQueued = options.maxQueued ?? 10_000;
  const flushAt = options.flushAt ?? 200;
  const baseRetry = options.retryMs ?? 5_000;
  const openDatabase = options.openDatabase ?? openStoreDatabase;
  const salt = readOrCreateSalt(options.dataDir, logger);
  const queue: Queued[] = [];
  let db: Db | undefined;
  let write: ((items: Queued[]) => void) | undefined;
  let failing = false;
  let dropped = 0;
  let retryAt = 0;
  let retryMs = baseRetry;
  let closed = false;
  let failures = 0;

  const fail = (operation: string, error: unknown) => {
    failures += 1;
    retryAt = now() + retryMs;
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    if (failing) return logger.debug({ code: ErrorCodes.STORE_FAILED, operation, err: error }, 'store still failing');
    failing = true;
    logger.error(
      { code: ErrorCodes.STORE_FAILED, operation, err: error, dataDir: options.dataDir, queued: queue.length },
      'message store failed; answering goes on, records are kept in memory and retried',
    );
  };
  const recovered = () => {
    retryMs = baseRetry;
    if (!failing) return;
    failing = false;
    logger.info({ dropped }, 'message store recovered');
    dropped = 0;
  };

  const connect = (): Db | undefined => {
    if (db) return db;
    if (now() < retryAt) return undefined;
    try {
      const opened = openDatabase(options.dataDir);
      const insertMessage = opened.prepare(
        'INSERT INTO messages (at, adapter, conversation, kind, topic, entry, score, latency_ms, question) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      const insertFeedback = opened.prepare(
        'INSERT INTO feedback (at, adapter, conversation, useful, entry, question) VALUES (?, ?, ?, ?, ?, ?)',
      );
      write = opened.transaction((items: Queued[]) => {
        for (const item of items) {
          if (item.type === 'message') {
            const m = item.record;
            insertMessage.run(m.at, m.adapter, m.conversation, m.kind, m.topic ?? null, m.entry ?? null, m.score ?? null, m.latencyMs, m.question ?? null);
          } else {
            const f = item.record;
            insertFeedback.run(f.at, f.adapter, f.conversation, f.useful ? 1 : 0, f.entry ?? null, f.question ?? null);
          }
        }
      });
      db = opened;
      return db;
    } catch (error) {
      fail('open', error);
      return undefined;
    }
  };

  const enqueue = (item: Queued) => {
    if (closed) return;
    queue.push(item);
    if (queue.length > maxQueued) dropped += queue.splice(0, queue.length - maxQueued).length;
    if (queue.length >= flushAt) flush();
  };

  function flush(): boolean {
    if (queue.length === 0) return true;
    if (!connect() || !write) return false;
    const batch = queue.slice();
    try {
      write(batch);
    } catch (error) {
      fail('write', error);
      return false;
    }
    queue.splice(0, batch.length);
    recovered();
    return true;
  }

  const timer = setInterval(flush, options.flushEveryMs ?? 2_000);
  timer.unref();

  return {
    hashConversation: (key) => saltedHash(salt, key),
    recordMessage: (record) => enqueue({ type: 'message', record }),
    recordFeedback: (record) => enqueue({ type: 'feedback', record }),
    flush,
    purge(before) {
      retryAt = Math.min(retryAt, now());
      const handle = connect();
      if (!handle) return undefined;
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
    health() {
      return { writable: !closed && !failing && connect() !== undefined, failures };
    },
    close() {
      if (closed) return;
      clearInterval(timer);
      retryAt = 0;
      if (!flush()) logger.warn({ code: ErrorCodes.STORE_FAILED, lost: queue.length }, 'message store closed with records unwritten');
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
