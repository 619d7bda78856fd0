/**
 * The SQLite side of the message store: opening (with migrations) and the one transaction
 * that writes a chunk of queued records.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { ensureDir } from '../../fs/ensure-dir.js';
import { migrate } from './migrations.js';
import type { QueuedRecord } from './queued-record.js';

/** The database file's name inside the data directory. */
export const STORE_FILE = 'legal-bot.sqlite';

export type Db = BetterSqlite3.Database;

/** Opens the database of a data directory for writing, creating it and its schema if needed. */
export function openStoreDatabase(dataDir: string): Db {
  ensureDir(dataDir);
  // A short busy timeout: a locked file must not hold up the event loop; the timer tries again later.
  const db = new Database(path.join(dataDir, STORE_FILE), { timeout: 100 });
  try {
    db.pragma('journal_mode = WAL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The transaction writing one chunk of records: all of them or (on error) none; an id already stored is skipped. */
export function prepareWrite(db: Db): (items: QueuedRecord[]) => void {
  const insertMessage = db.prepare(
    `INSERT INTO messages (uid, at, adapter, conversation, kind, topic, entry, score, latency_ms, question) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (uid) DO NOTHING`,
  );
  const insertFeedback = db.prepare(
    'INSERT INTO feedback (uid, at, adapter, conversation, useful, entry, question) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING',
  );
  return db.transaction((items: QueuedRecord[]) => {
    for (const item of items) {
      if (item.type === 'message') {
        const m = item.record;
        insertMessage.run(item.uid, m.at, m.adapter, m.conversation, m.kind, m.topic ?? null, m.entry ?? null, m.score ?? null, m.latencyMs, m.question ?? null);
      } else {
        const f = item.record;
        insertFeedback.run(item.uid, f.at, f.adapter, f.conversation, f.useful ? 1 : 0, f.entry ?? null, f.question ?? null);
      }
    }
  });
}

