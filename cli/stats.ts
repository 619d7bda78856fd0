/**
 * `stats`: for staff, what the bot did per day (local time): messages per reply kind, the
 * fallback rate, answers per topic, and 👍 / 👎, from the store in DATA_DIR.
 */
import type { Config } from '../src/config.js';
import { openStoreReader, storeLocation } from '../src/store/open-store-reader.js';
import { fallbackRate, type DayStats, type EntryFeedback, type StoreReader } from '../src/store/reports.js';
import { storeReadError } from '../src/store/store-errors.js';
import { storeStatus, type StoreStatus } from '../src/store/store-status.js';
import { DAY_MS } from '../src/time/durations.js';

export interface StatsOptions {
  days: number;
  json?: boolean;
}

/** Always shown, in this order; other kinds follow when they occur. */
const MAIN_KINDS = ['answer', 'clarify', 'fallback', 'menu', 'emergency', 'feedback'];

/** Everything `stats` shows, as data. */
export interface StatsReport {
  days: DayStats[];
  total: DayStats;
  disliked: EntryFeedback[];
  /** `degraded` when a running bot cannot write, or the disk is nearly full. */
  store: StoreStatus;
}

/**
 * Reads the report; undefined when nothing was recorded yet.
 * @throws BotError (QLB_STORE_CORRUPT, _UNREADABLE, _DISK_FULL, _LOCKED) with a one-line message.
 */
export async function collectStats(config: Config, options: StatsOptions, now = Date.now()): Promise<StatsReport | undefined> {
  const reader = await openStoreReader(config);
  if (!reader) return undefined;
  try {
    return { ...(await readReport(reader, now - options.days * DAY_MS)), store: storeStatus(config.dataDir) };
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
  return { days, total, disliked };
}

/** The store line of the report: 正常, or 降级 and why. */
export function formatStoreStatus(status: StoreStatus): string {
  return status.state === 'ok' ? '存储:正常' : `存储:降级 — ${status.reasons.join(';')}`;
}

const percent = (rate: number | undefined) => (rate === undefined ? '-' : `${Math.round(rate * 100)}%`);

/** The report as text tables. */
export function formatStats(report: StatsReport, options: StatsOptions): string {
  const kinds = [...MAIN_KINDS, ...Object.keys(report.total.kinds).filter((kind) => !MAIN_KINDS.includes(kind)).sort()];
  const header = ['day', 'total', ...kinds, 'liked', 'disliked', 'fallback rate'];
  const row = (d: DayStats) => [d.day, d.total, ...kinds.map((k) => d.kinds[k] ?? 0), d.useful, d.notUseful, percent(fallbackRate(d.kinds))];
  const table = [header, ...report.days.map(row), row(report.total)].map((cells) => cells.map(String));
  const widths = header.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
  const lines = table.map((cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  '));
  const topics = (d: DayStats) =>
    Object.entries(d.topics)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([topic, n]) => `${topic} ${n}`)
      .join(' · ');
  return [
    formatStoreStatus(report.store),
    '',
    `Messages per day and reply kind, last ${options.days} days (local time):`,
    ...lines.map((line) => `  ${line}`),
    '  fallback rate = fallback ÷ (answer + clarify + fallback); feedback = 👍/👎 and typed 1/0',
    '',
    'Answers per topic:',
    ...(report.days.length === 0 ? ['  (none)'] : [...report.days, report.total].map((d) => `  ${d.day.padEnd(10)}  ${topics(d) || '-'}`)),
    '',
    'Most disliked entries:',
    ...(report.disliked.length === 0
      ? ['  (none)']
      : report.disliked.map((d) => `  ${d.entry ?? '(entry unknown)'}  👎 ${d.notUseful}  👍 ${d.useful}`)),
  ].join('\n');
}

/** Runs `stats`; returns the text to print. */
export async function stats(config: Config, options: StatsOptions): Promise<string> {
  const report = await collectStats(config, options);
  if (!report) {
    const status = storeStatus(config.dataDir);
    const none = `No records yet in ${storeLocation(config)}: they appear once the bot has answered (ask, chat, serve).`;
    return status.state === 'ok' ? none : `${formatStoreStatus(status)}\n${none}`;
  }
  return options.json ? JSON.stringify(report) : formatStats(report, options);
}
