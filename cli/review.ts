/**
 * `review`: for staff, the questions the bot could not answer (fallback, clarify) and the
 * answers people disliked, grouped by normalized text, most frequent first, with the entry
 * they came closest to and what the bot answers them now. `--csv FILE` writes the same as
 * CSV for Excel (UTF-8 with BOM, CRLF).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApp, type App } from '../src/app.js';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import { openStoreReader, storeLocation } from '../src/store/open-store-reader.js';
import type { ReviewRow } from '../src/store/reports.js';
import { storeReadError } from '../src/store/store-errors.js';
import { DAY_MS } from '../src/time/durations.js';

export interface ReviewOptions {
  days: number;
  limit: number;
  csv?: string;
}

/** A row with what the current knowledge base makes of it. */
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

/**
 * Reads the groups and, when the knowledge base loads, asks the bot each question again.
 * @throws BotError (QLB_STORE_*) with a one-line message when the store cannot be read.
 */
export async function collectReview(config: Config, logger: Logger, options: ReviewOptions, now = Date.now()): Promise<ReviewLine[] | undefined> {
  let rows: ReviewRow[];
  const reader = await openStoreReader(config);
  if (!reader) return undefined;
  try {
    rows = await reader.reviewRows({ since: now - options.days * DAY_MS, limit: options.limit });
  } catch (error) {
    throw storeReadError(error, storeLocation(config));
  } finally {
    await reader.close();
  }
  let app: App | undefined;
  try {
    app = await createApp({ ...config, ratePerMinute: 0 }, logger);
  } catch (error) {
    logger.warn({ err: error }, 'review: knowledge base not loaded; the "now" column is left out');
  }
  const lines: ReviewLine[] = [];
  for (const [index, row] of rows.entries()) {
    const entryTitle = row.entry ? app?.bot.engine.knowledge.byId.get(row.entry)?.title : undefined;
    let answer: string | undefined;
    if (app && row.question) {
      const reply = await app.handler({ adapter: 'review', conversationId: `review-${index}`, senderId: 'review', kind: 'text', text: row.question });
      answer = reply.entryId ? `${reply.kind} ${reply.entryId}` : reply.kind;
    }
    lines.push({ ...row, ...(entryTitle ? { entryTitle } : {}), ...(answer ? { now: answer } : {}) });
  }
  await app?.close();
  return lines;
}

/** The review as text for the terminal. */
export function formatReview(lines: ReviewLine[], options: ReviewOptions): string {
  const section = (type: ReviewRow['type'], title: string) => {
    const rows = lines.filter((line) => line.type === type);
    if (rows.length === 0) return [title, '  (none)'];
    return [
      title,
      ...rows.flatMap((row, i) => [
        `${String(i + 1).padStart(3)}. ×${row.count}  ${row.question || '(question not kept)'}`,
        `       ${[
          `replies: ${row.kinds}`,
          `${type === 'disliked' ? 'entry' : 'closest'}: ${row.entry ? `${row.entry}${row.entryTitle ? ` ${row.entryTitle}` : ''}` : '-'}`,
          ...(row.now ? [`now: ${row.now}`] : []),
          `last: ${localTime(row.lastAt)}`,
        ].join(' · ')}`,
      ]),
    ];
  };
  return [
    ...section('unanswered', `Unanswered questions (fallback / clarify), last ${options.days} days, most frequent first:`),
    '',
    ...section('disliked', `Disliked answers (👎 / 0), last ${options.days} days:`),
  ].join('\n');
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
export function reviewCsv(lines: ReviewLine[]): string {
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

/** Runs `review`; returns the text to print. */
export async function review(config: Config, logger: Logger, options: ReviewOptions): Promise<string> {
  const lines = await collectReview(config, logger, options);
  if (!lines) return `No records yet in ${storeLocation(config)}: they appear once the bot has answered (ask, chat, serve).`;
  if (options.csv) {
    try {
      fs.writeFileSync(options.csv, reviewCsv(lines), 'utf8');
    } catch (error) {
      throw storeReadError(error, options.csv, { output: true });
    }
    return `${formatReview(lines, options)}\n\nCSV written to ${path.resolve(options.csv)} (${lines.length} rows).`;
  }
  return formatReview(lines, options);
}
