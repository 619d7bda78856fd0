/**
 * The review of questions awaiting staff (`review`, the console's 待处理 page): the groups of
 * unanswered and disliked questions from the store, less those staff already dealt with,
 * each with its closest entry's title and what the bot answers it now; and the same as CSV
 * for Excel.
 */
import type { Config } from '../config/config.js';
import type { KnowledgeBase } from '../../answer/knowledge/knowledge-base.js';
import { openStoreReader, storeLocation } from '../store/open-store-reader.js';
import type { ReviewRow } from '../store/reports.js';
import { storeReadError } from '../store/store-errors.js';
import { DAY_MS } from '../time/durations.js';
import type { Reply } from '../../types.js';
import type { ReviewAction } from './staff-store.js';

export interface ReviewOptions {
  days: number;
  /** Groups of each type at most. */
  limit: number;
}

/** A group with what the current knowledge base makes of it. */
export interface ReviewLine extends ReviewRow {
  entryTitle?: string;
  /** What the bot answers the question now (`answer legal-aid.where`, `fallback`...). */
  now?: string;
}

/** Local `YYYY-MM-DD HH:mm`. */
export function localTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A group staff dismissed or answered stays hidden until the question comes again. */
export function handledBy(actions: readonly ReviewAction[]): (row: ReviewRow) => boolean {
  const latest = new Map(actions.map((action) => [`${action.type}\u0000${action.key}`, action.at]));
  return (row) => {
    const at = latest.get(`${row.type}\u0000${row.key}`);
    return at !== undefined && at >= row.lastAt;
  };
}

/**
 * Reads the groups of the last `days` from the configured store, less the ones staff dealt
 * with (`actions`, read once the store is open); undefined when nothing was recorded yet. `hidden` counts the groups left out.
 * @throws BotError (QLB_DATABASE_UNREACHABLE, QLB_STORE_*) with a one-line message when the store cannot be read.
 */
export async function readReviewRows(
  config: Pick<Config, 'dataDir' | 'database'>,
  options: ReviewOptions,
  actions: () => Promise<readonly ReviewAction[]>,
  now = Date.now(),
): Promise<{ rows: ReviewRow[]; hidden: number } | undefined> {
  const reader = await openStoreReader(config);
  if (!reader) return undefined;
  let hidden = 0;
  try {
    // Read once the store is known to be there, so a store that cannot be reached is reported as such.
    const handled = handledBy(await actions());
    const hide = (row: ReviewRow) => (handled(row) ? (hidden += 1) > 0 : false);
    return { rows: await reader.reviewRows({ since: now - options.days * DAY_MS, limit: options.limit, hide }), hidden };
  } catch (error) {
    throw storeReadError(error, storeLocation(config));
  } finally {
    await reader.close();
  }
}

/** Adds each group's entry title and, when `ask` is given, what the bot answers its question now. */
export async function describeRows(
  rows: readonly ReviewRow[],
  knowledge: KnowledgeBase | undefined,
  ask?: (question: string) => Promise<Reply>,
): Promise<ReviewLine[]> {
  const lines: ReviewLine[] = [];
  for (const row of rows) {
    const entryTitle = row.entry ? knowledge?.byId.get(row.entry)?.title : undefined;
    const reply = ask && row.question ? await ask(row.question) : undefined;
    const now = reply && (reply.entryId ? `${reply.kind} ${reply.entryId}` : reply.kind);
    lines.push({ ...row, ...(entryTitle ? { entryTitle } : {}), ...(now ? { now } : {}) });
  }
  return lines;
}

/** One CSV field: quoted when needed; a leading = + - @ is defused so Excel shows text, not a formula. */
function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text that Excel opens correctly: UTF-8 byte order mark, CRLF line ends. */
export function toCsv(rows: Array<Array<string | number | undefined>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The review as CSV rows, with a header. */
export function reviewCsv(lines: readonly ReviewLine[]): string {
  return toCsv([
    ['类型', '次数', '问题', '回复', '最接近/被点踩的条目', '条目标题', '现在的回复', '最近一次'],
    ...lines.map((line) => [
      line.type === 'unanswered' ? '未答出' : '点踩',
      line.count,
      line.question,
      line.kinds,
      line.entry,
      line.entryTitle,
      line.now,
      localTime(line.lastAt),
    ]),
  ]);
}
