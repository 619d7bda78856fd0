/**
 * `review`: for staff, the questions the bot could not answer (fallback, clarify) and the
 * answers people disliked, grouped by normalized text, most frequent first, with the entry
 * they came closest to and what the bot answers them now; groups staff dismissed or answered
 * in the console are left out until they come again. `--csv FILE` writes the same as CSV for
 * Excel (UTF-8 with BOM, CRLF). In Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createApp, type App } from '../src/app.js';
import type { Config } from '../src/service/config/config.js';
import type { Logger } from '../src/logger.js';
import { describeRows, localTime, readReviewRows, reviewCsv, type ReviewLine, type ReviewOptions } from '../src/service/staff/review-lines.js';
import { readReviewActions } from '../src/service/staff/open-staff-store.js';
import { storeLocation } from '../src/service/store/open-store-reader.js';
import { storeReadError } from '../src/service/store/store-errors.js';

export { reviewCsv, toCsv, localTime, type ReviewLine } from '../src/service/staff/review-lines.js';

/** The review's groups, with the number of handled groups left out; undefined when nothing was recorded. */
export async function collectReview(config: Config, logger: Logger, options: ReviewOptions, now = Date.now()): Promise<{ lines: ReviewLine[]; hidden: number } | undefined> {
  const read = await readReviewRows(config, options, () => readReviewActions(config), now);
  if (!read) return undefined;
  let app: App | undefined;
  try {
    app = await createApp({ ...config, ratePerMinute: 0 }, logger);
  } catch (error) {
    logger.warn({ err: error }, 'review: knowledge base not loaded; the "now" column is left out');
  }
  try {
    const ask = app && (async (question: string) => (await (app as App).explain(question)).reply);
    return { lines: await describeRows(read.rows, app?.bot.engine.knowledge, ask), hidden: read.hidden };
  } finally {
    await app?.close();
  }
}

/** The review as text for the terminal. */
export function formatReview(lines: ReviewLine[], options: ReviewOptions, hidden = 0): string {
  const section = (type: ReviewLine['type'], title: string) => {
    const rows = lines.filter((line) => line.type === type);
    if (rows.length === 0) return [title, '  (无)'];
    return [
      title,
      ...rows.flatMap((row, i) => [
        `${String(i + 1).padStart(3)}. ×${row.count}  ${row.question || '(问题没有保存)'}`,
        `       ${[
          `回复:${row.kinds}`,
          `${type === 'disliked' ? '条目' : '最接近'}:${row.entry ? `${row.entry}${row.entryTitle ? ` ${row.entryTitle}` : ''}` : '-'}`,
          ...(row.now ? [`现在:${row.now}`] : []),
          `最近:${localTime(row.lastAt)}`,
        ].join(' · ')}`,
      ]),
    ];
  };
  return [
    ...section('unanswered', `未答出的问题(fallback / clarify),最近 ${options.days} 天,按次数排列:`),
    '',
    ...section('disliked', `被点踩的回答(👎 / 0),最近 ${options.days} 天:`),
    ...(hidden > 0 ? ['', `另有 ${hidden} 组已由工作人员在后台处理(忽略或加入了条目),再次出现前不列出。`] : []),
  ].join('\n');
}

/** What `review` and `stats` say on a store without records. */
export function noRecordsYet(config: Pick<Config, 'dataDir' | 'database'>): string {
  return `还没有记录(${storeLocation(config)}):机器人回答过问题(ask --record、chat、serve)后才有。`;
}

/** Runs `review`; returns the text to print. */
export async function review(config: Config, logger: Logger, options: ReviewOptions & { csv?: string }): Promise<string> {
  const collected = await collectReview(config, logger, options);
  if (!collected) return noRecordsYet(config);
  const { lines, hidden } = collected;
  const text = formatReview(lines, options, hidden);
  if (!options.csv) return text;
  try {
    fs.writeFileSync(options.csv, reviewCsv(lines), 'utf8');
  } catch (error) {
    throw storeReadError(error, options.csv, { output: true });
  }
  return `${text}\n\n已写出 CSV:${path.resolve(options.csv)}(${lines.length} 行)。`;
}
