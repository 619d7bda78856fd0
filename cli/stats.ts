/**
 * `stats`: for staff, what the bot did per day (local time): messages per reply kind, the
 * fallback rate, answers per topic, and 👍 / 👎, from the store in DATA_DIR. In Chinese.
 */
import type { Config } from '../src/service/config/config.js';
import { fallbackRate, type DayStats } from '../src/service/store/reports.js';
import { collectStats as collect, reportKinds, type StatsReport } from '../src/service/store/stats-report.js';
import { storeStatus, type StoreStatus } from '../src/service/store/store-status.js';
import { noRecordsYet } from './review.js';

export type { StatsReport } from '../src/service/store/stats-report.js';

export interface StatsOptions {
  days: number;
  json?: boolean;
}

/**
 * Reads the report; undefined when nothing was recorded yet.
 * @throws BotError (QLB_DATABASE_UNREACHABLE, QLB_STORE_CORRUPT, _UNREADABLE, _DISK_FULL, _LOCKED) with a one-line message.
 */
export function collectStats(config: Config, options: StatsOptions, now = Date.now()): Promise<StatsReport | undefined> {
  return collect(config, options.days, now);
}

/** The store line of the report: 正常, or 降级 and why. */
export function formatStoreStatus(status: StoreStatus): string {
  return status.state === 'ok' ? '存储:正常' : `存储:降级 — ${status.reasons.join(';')}`;
}

const percent = (rate: number | undefined) => (rate === undefined ? '-' : `${Math.round(rate * 100)}%`);
/** Columns are padded by display width: a Chinese character takes two. */
const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u2e80-\uffff\u{1f300}-\u{1faff}]/u.test(char) ? 2 : 1), 0);
const padEnd = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));
const padStart = (text: string, to: number) => ' '.repeat(Math.max(0, to - width(text))) + text;
const dayName = (day: string) => (day === 'all' ? '合计' : day);

/** The report as text tables. */
export function formatStats(report: StatsReport, options: StatsOptions): string {
  const kinds = reportKinds(report);
  const header = ['日期', '合计', ...kinds, '👍', '👎', '未答出率'];
  const row = (d: DayStats) => [dayName(d.day), d.total, ...kinds.map((k) => d.kinds[k] ?? 0), d.useful, d.notUseful, percent(fallbackRate(d.kinds))];
  const table = [header, ...report.days.map(row), row(report.total)].map((cells) => cells.map(String));
  const widths = header.map((_, i) => Math.max(...table.map((cells) => width(cells[i] ?? ''))));
  const lines = table.map((cells) => cells.map((cell, i) => (i === 0 ? padEnd(cell, widths[i] ?? 0) : padStart(cell, widths[i] ?? 0))).join('  '));
  const topics = (d: DayStats) =>
    Object.entries(d.topics)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([topic, n]) => `${topic} ${n}`)
      .join(' · ');
  return [
    formatStoreStatus(report.store),
    '',
    `每天的消息数,按回复类型,最近 ${options.days} 天(本地时间):`,
    ...lines.map((line) => `  ${line}`),
    '  未答出率 = fallback ÷ (answer + clarify + fallback);👍/👎 含按钮和回复的 1/0',
    '',
    '各主题的回答数:',
    ...(report.days.length === 0 ? ['  (无)'] : [...report.days, report.total].map((d) => `  ${padEnd(dayName(d.day), 10)}  ${topics(d) || '-'}`)),
    '',
    '被点踩最多的条目:',
    ...(report.disliked.length === 0
      ? ['  (无)']
      : report.disliked.map((d) => `  ${d.entry ?? '(不知道是哪条)'}  👎 ${d.notUseful}  👍 ${d.useful}`)),
  ].join('\n');
}

/** Runs `stats`; returns the text to print. */
export async function stats(config: Config, options: StatsOptions): Promise<string> {
  const report = await collectStats(config, options);
  if (!report) {
    const status = storeStatus(config.dataDir);
    const none = noRecordsYet(config);
    return status.state === 'ok' ? none : `${formatStoreStatus(status)}\n${none}`;
  }
  return options.json ? JSON.stringify(report) : formatStats(report, options);
}
