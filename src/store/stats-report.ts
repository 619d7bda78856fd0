/**
 * What `stats` and the console's 统计 page show, as data: counts per day (local time) of
 * reply kinds and answered topics, 👍 / 👎, the most disliked entries, and the store's state.
 */
import path from 'node:path';
import { dailyStats, feedbackByEntry, openStoreForReading, type DayStats } from './reports.js';
import { STORE_FILE } from './sqlite-database.js';
import { storeReadError } from './store-errors.js';
import { storeStatus, type StoreStatus } from './store-status.js';
import { DAY_MS } from '../time/durations.js';

/** Always shown, in this order; other kinds follow when they occur. */
export const MAIN_KINDS = ['answer', 'clarify', 'fallback', 'menu', 'emergency', 'feedback'];

/** Everything `stats` shows, as data. */
export interface StatsReport {
  /** Newest day first. */
  days: DayStats[];
  /** The sums of all days (`day: 'all'`). */
  total: DayStats;
  disliked: Array<{ entry: string | null; useful: number; notUseful: number }>;
  /** `degraded` when a running bot cannot write, or the disk is nearly full. */
  store: StoreStatus;
}

/** The kinds to show for a report: the main ones, then the others that occur, sorted. */
export function reportKinds(report: StatsReport): string[] {
  return [...MAIN_KINDS, ...Object.keys(report.total.kinds).filter((kind) => !MAIN_KINDS.includes(kind)).sort()];
}

/**
 * Reads the report of the last `days` from the store in `dataDir`; undefined when nothing
 * was recorded yet.
 * @throws BotError (QLB_STORE_CORRUPT, _UNREADABLE, _DISK_FULL, _LOCKED) with a one-line message.
 */
export function collectStats(dataDir: string, days: number, now = Date.now()): StatsReport | undefined {
  try {
    const db = openStoreForReading(dataDir);
    if (!db) return undefined;
    try {
      return { ...readReport(db, now - days * DAY_MS), store: storeStatus(dataDir) };
    } finally {
      db.close();
    }
  } catch (error) {
    throw storeReadError(error, path.join(dataDir, STORE_FILE));
  }
}

function readReport(db: NonNullable<ReturnType<typeof openStoreForReading>>, since: number): Omit<StatsReport, 'store'> {
  const days = dailyStats(db, { since });
  const total: DayStats = { day: 'all', total: 0, kinds: {}, topics: {}, useful: 0, notUseful: 0 };
  for (const day of days) {
    total.total += day.total;
    total.useful += day.useful;
    total.notUseful += day.notUseful;
    for (const [kind, n] of Object.entries(day.kinds)) total.kinds[kind] = (total.kinds[kind] ?? 0) + n;
    for (const [topic, n] of Object.entries(day.topics)) total.topics[topic] = (total.topics[topic] ?? 0) + n;
  }
  const disliked = feedbackByEntry(db, { since, limit: 10 }).filter((row) => row.notUseful > 0);
  return { days, total, disliked };
}
