/**
 * The {@link StoreReader} of the PostgreSQL store: the same reports as SQLite's, with days in
 * this machine's time zone (as SQLite's 'localtime').
 */
import { assembleDays, groupOccurrences, type EntryFeedback, type Occurrence, type StoreReader } from '../reports.js';
import type { Pool } from './pool.js';
import type { FlowMarkRow } from '../flow-stats.js';

/** The IANA name of the local time zone, which PostgreSQL knows too. */
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const DAY = `to_char(to_timestamp(at / 1000.0) AT TIME ZONE $2, 'YYYY-MM-DD')`;

/** A reader over `pool`; closing it ends the pool. Queries reject with the driver's error when the server cannot be reached. */
export function openPostgresReader(pool: Pool): StoreReader {
  return {
    async reviewRows({ since, limit, hide }) {
      const unanswered = await pool.query<Occurrence>(
        `SELECT at, kind, entry, question FROM messages WHERE question IS NOT NULL AND kind IN ('fallback', 'clarify') AND at >= $1`,
        [since],
      );
      const disliked = await pool.query<Occurrence>(`SELECT at, '👎' AS kind, entry, question FROM feedback WHERE NOT useful AND at >= $1`, [since]);
      return [...groupOccurrences('unanswered', unanswered.rows, limit, hide), ...groupOccurrences('disliked', disliked.rows, limit, hide)];
    },
    async dailyStats({ since }) {
      const zone = localZone();
      const kinds = await pool.query<{ day: string; kind: string; n: number }>(
        `SELECT ${DAY} AS day, kind, COUNT(*) AS n FROM messages WHERE at >= $1 GROUP BY day, kind`,
        [since, zone],
      );
      const topics = await pool.query<{ day: string; topic: string | null; n: number }>(
        `SELECT ${DAY} AS day, topic, COUNT(*) AS n FROM messages WHERE kind = 'answer' AND at >= $1 GROUP BY day, topic`,
        [since, zone],
      );
      const votes = await pool.query<{ day: string; useful: boolean; n: number }>(
        `SELECT ${DAY} AS day, useful, COUNT(*) AS n FROM feedback WHERE at >= $1 GROUP BY day, useful`,
        [since, zone],
      );
      return assembleDays({ kinds: kinds.rows, topics: topics.rows, votes: votes.rows });
    },
    async feedbackByEntry({ since, limit }) {
      const { rows } = await pool.query<EntryFeedback>(
        `SELECT entry, COUNT(*) FILTER (WHERE useful) AS useful, COUNT(*) FILTER (WHERE NOT useful) AS "notUseful" FROM feedback
         WHERE at >= $1 GROUP BY entry ORDER BY "notUseful" DESC, useful ASC LIMIT $2`,
        [since, limit],
      );
      return rows;
    },
    async flowMarks({ since }) {
      const { rows } = await pool.query<FlowMarkRow>(
        `SELECT conversation, at, entry FROM messages WHERE kind = 'flow' AND entry LIKE 'flow:%' AND at >= $1 ORDER BY at`,
        [since],
      );
      // BIGINT comes back as a string.
      return rows.map((row) => ({ ...row, at: Number(row.at) }));
    },
    close: () => pool.end(),
  };
}
