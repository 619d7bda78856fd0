/**
 * The {@link StoreReader} of the SQLite store: read-only queries over DATA_DIR/legal-bot.sqlite.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { assembleDays, groupOccurrences, type EntryFeedback, type Occurrence, type StoreReader } from './reports.js';
import { STORE_FILE } from './sqlite-database.js';
import type { FlowMarkRow } from './flow-stats.js';

const DAY = "date(at / 1000, 'unixepoch', 'localtime')";

/** Opens the store of `dataDir` read-only; undefined when nothing was recorded there yet. @throws the SQLite error when the file cannot be opened. */
export function openSqliteReader(dataDir: string): StoreReader | undefined {
  const file = path.join(dataDir, STORE_FILE);
  if (!fs.existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 2_000 });
  return {
    async reviewRows({ since, limit, hide }) {
      const unanswered = db
        .prepare<[number], Occurrence>(
          `SELECT at, kind, entry, question FROM messages
           WHERE question IS NOT NULL AND kind IN ('fallback', 'clarify') AND at >= ?`,
        )
        .all(since);
      const disliked = db
        .prepare<[number], Occurrence>(`SELECT at, '👎' AS kind, entry, question FROM feedback WHERE useful = 0 AND at >= ?`)
        .all(since);
      return [...groupOccurrences('unanswered', unanswered, limit, hide), ...groupOccurrences('disliked', disliked, limit, hide)];
    },
    async dailyStats({ since }) {
      const kinds = db
        .prepare<[number], { day: string; kind: string; n: number }>(`SELECT ${DAY} AS day, kind, COUNT(*) AS n FROM messages WHERE at >= ? GROUP BY day, kind`)
        .all(since);
      const topics = db
        .prepare<[number], { day: string; topic: string | null; n: number }>(
          `SELECT ${DAY} AS day, topic, COUNT(*) AS n FROM messages WHERE kind = 'answer' AND at >= ? GROUP BY day, topic`,
        )
        .all(since);
      const votes = db
        .prepare<[number], { day: string; useful: number; n: number }>(`SELECT ${DAY} AS day, useful, COUNT(*) AS n FROM feedback WHERE at >= ? GROUP BY day, useful`)
        .all(since)
        .map((row) => ({ ...row, useful: row.useful === 1 }));
      return assembleDays({ kinds, topics, votes });
    },
    async feedbackByEntry({ since, limit }) {
      return db
        .prepare<[number, number], EntryFeedback>(
          `SELECT entry, SUM(useful) AS useful, SUM(1 - useful) AS notUseful FROM feedback
           WHERE at >= ? GROUP BY entry ORDER BY notUseful DESC, useful ASC LIMIT ?`,
        )
        .all(since, limit);
    },
    async flowMarks({ since }) {
      return db
        .prepare<[number], FlowMarkRow>(`SELECT conversation, at, entry FROM messages WHERE kind = 'flow' AND entry LIKE 'flow:%' AND at >= ? ORDER BY at`)
        .all(since);
    },
    async close() {
      db.close();
    },
  };
}
