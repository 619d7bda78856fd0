/**
 * The {@link MessageStore} of a single host: SQLite (better-sqlite3) in
 * `DATA_DIR/legal-bot.sqlite`, written through the {@link createQueuedWriter} (queued,
 * chunked, retried with backoff, bounded, spilled to `DATA_DIR/unwritten/` beyond the bound
 * and at close). A full disk may still take a smaller chunk, so one is tried at once; the
 * store's health is also written to DATA_DIR for `stats`.
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { saltedHasher, type MessageStore } from './message-store.js';
import { createQueuedWriter, type QueuedWriterOptions } from './queued-writer.js';
import { queuedFeedback, queuedMessage, type QueuedRecord } from './queued-record.js';
import { readOrCreateSalt } from './salt.js';
import { openSpill } from './spill-file.js';
import { openStoreDatabase, prepareWrite, type Db } from './sqlite-database.js';
import { errorCode, writeHealthFile } from './store-health.js';
import { systemClock } from '../time/clock.js';

export { openStoreDatabase, STORE_FILE } from './sqlite-database.js';

export interface SqliteStoreOptions extends Omit<QueuedWriterOptions, 'logger' | 'where' | 'onStateChange' | 'spill'> {
  dataDir: string;
  logger: Logger;
  /** The salt of conversation hashes; by default the one kept in the data directory. */
  salt?: string;
  /** Opens the database of the data directory; replaced by tests to simulate failures. */
  openDatabase?: (dataDir: string) => Db;
  /** Keep records the database cannot take in DATA_DIR/unwritten/ for a later start (default true). */
  spill?: boolean;
}

/** Creates the store. Nothing is opened until the first write; this never throws. */
export function openSqliteStore(options: SqliteStoreOptions): MessageStore {
  const { logger, dataDir } = options;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const openDatabase = options.openDatabase ?? openStoreDatabase;
  const salt = options.salt ?? readOrCreateSalt(dataDir, logger);
  let db: Db | undefined;
  let write: ((items: QueuedRecord[]) => void) | undefined;

  const writer = createQueuedWriter(
    {
      connect() {
        if (db) return;
        const opened = openDatabase(dataDir);
        write = prepareWrite(opened);
        db = opened;
      },
      write: (items) => write?.(items),
      shrinks: (error) => errorCode(error) === 'SQLITE_FULL',
    },
    {
      ...options,
      where: { dataDir },
      onStateChange: (health) => writeHealthFile(dataDir, health, now()),
      spill: options.spill === false ? undefined : openSpill({ dataDir, logger }),
    },
  );

  return {
    hashConversation: saltedHasher(salt),
    recordMessage: (record) => writer.enqueue(queuedMessage(record)),
    recordFeedback: (record) => writer.enqueue(queuedFeedback(record)),
    flush: () => writer.flush(),
    health: () => writer.health(),
    purge: (before) =>
      writer.attempt('purge', () => {
        const handle = db as Db;
        return handle.transaction(
          () =>
            handle.prepare('DELETE FROM messages WHERE at < ?').run(before).changes +
            handle.prepare('DELETE FROM feedback WHERE at < ?').run(before).changes,
        )();
      }),
    async close() {
      await writer.close();
      try {
        db?.close();
      } catch (error) {
        logger.warn({ code: ErrorCodes.STORE_FAILED, err: error }, 'closing the message store failed');
      }
      db = undefined;
    },
  };
}
