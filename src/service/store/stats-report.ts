/**
 * What `stats` and the console's 统计 page show, as data: counts per day (local time) of
 * reply kinds and answered topics, 👍 / 👎, the most disliked entries, and the store's state,
 * read from the configured store (SQLite in DATA_DIR, or PostgreSQL).
 */
import type { Config } from '../config/config.js';
import { DAY_MS } from '../time/durations.js';
import { openStoreReader, storeLocation } from './open-store-reader.js';
import type { DayStats, EntryFeedback, StoreReader } from './reports.js';
import { storeReadError } from './store-errors.js';
import { storeStatus, type StoreStatus } from './store-status.js';
import { assembleFlowStats, type FlowStats } from './flow-stats.js';

/** Always shown, in this order; other kinds follow when they occur. */
export const MAIN_KINDS = ['answer', 'clarify', 'fallback', 'menu', 'emergency', 'feedback'];

/** Everything `stats` shows, as data. */
export interface StatsReport {
  /** Newest day first. */
  days: DayStats[];
  /** The sums of all days (`day: 'all'`). */
  total: DayStats;
  disliked: EntryFeedback[];
  /** The guided flows: started, finished, and where the others stopped (counts only). */
  flows: FlowStats[];
  /** `degraded` when a running bot cannot write, or the disk is nearly full. */
  store: StoreStatus;
}

/** The kinds to show for a report: the main ones, then the others that occur, sorted. */
export function reportKinds(report: StatsReport): string[] {
  return [...MAIN_KINDS, ...Object.keys(report.total.kinds).filter((kind) => !MAIN_KINDS.includes(kind)).sort()];
}

/**
 * Reads the report of the last `days`; undefined when nothing was recorded yet.
 * @throws BotError (QLB_DATABASE_UNREACHABLE, QLB_STORE_CORRUPT, _UNREADABLE, _DISK_FULL, _LOCKED) with a one-line message.
 */
export async function collectStats(config: Pick<Config, 'dataDir' | 'database'>, days: number, now = Date.now()): Promise<StatsReport | undefined> {
  const reader = await openStoreReader(config);
  if (!reader) return undefined;
  try {
    return { ...(await readReport(reader, now - days * DAY_MS)), store: storeStatus(config.dataDir) };
  } catch (error) {
    throw storeReadError(error, storeLocation(config));
  } finally {
    await reader.close();
  }
}

async function readReport(reader: StoreReader, since: number): Promise<Omit<StatsReport, 'store'>> {
  const days = await reader.dailyStats({ since });
  const total: DayStats = { day: 'all', total: 0, kinds: {}, topics: {}, useful: 0, notUseful: 0 };
  for (const day of days) {
    total.total += day.total;
    total.useful += day.useful;
    total.notUseful += day.notUseful;
    for (const [kind, n] of Object.entries(day.kinds)) total.kinds[kind] = (total.kinds[kind] ?? 0) + n;
    for (const [topic, n] of Object.entries(day.topics)) total.topics[topic] = (total.topics[topic] ?? 0) + n;
  }
  const disliked = (await reader.feedbackByEntry({ since, limit: 10 })).filter((row) => row.notUseful > 0);
  const flows = assembleFlowStats(await reader.flowMarks({ since }));
  return { days, total, disliked, flows };
}
