/**
 * Which report quotes are statistics, and for which year the report gives them. A quote is a
 * statistic when it holds a figure (a count, amount or rate, not a date, a hotline or an
 * ordinal) or says 全覆盖; its year is the one the report gives it with ("2023年以来",
 * "截至2023年12月31日"), else the report's own year.
 */
import type { KnowledgeProblem } from './knowledge-base.js';
import { findNumbers, type NumberMention } from './numbers.js';
import type { ReadBudget } from './read-budget.js';
import { readSource } from './read-files.js';
import type { Meta } from './schema.js';

/** A source document of kind report, read. */
export interface ReportDoc {
  id: string;
  title: string;
  text: string;
  /** The year its statistics are for. */
  year: number;
}

/** A statistic quote: its figures and how an answer must date them. */
export interface Statistic {
  figures: NumberMention[];
  /** Figure-like words of the quote (全覆盖) that read as current unless dated. */
  words: string[];
  /** What an answer giving it must say, e.g. `2023年` or `2023年以来`. */
  phrase: string;
}

/** Words that state a figure without a digit: they read as current unless dated. */
export const FIGURE_WORDS = ['全覆盖'];
const YEAR_PHRASE = /(\d{4})年(?:\d{1,2}月(?:\d{1,2}日)?)?(以来)?/gu;

/** [start, end) of every 《…》 in text: a year inside a title dates a document, not a figure. */
function titles(text: string): Array<[number, number]> {
  return [...text.matchAll(/《[^》]*》/gu)].map((m) => [m.index, m.index + m[0].length]);
}

const inside = (spans: Array<[number, number]>, at: number) => spans.some(([start, end]) => at >= start && at < end);

function isFigure(quote: string, n: NumberMention, hotlines: ReadonlySet<string>, bookTitles: Array<[number, number]>): boolean {
  if (inside(bookTitles, n.start)) return false;
  if (n.digits && hotlines.has(n.digits)) return false;
  if (quote[n.start - 1] === '第') return false;
  if (n.unit === 'y' && /^(19|20)\d\d$/.test(n.value)) return false;
  const before = quote[n.start - 1];
  if ((n.unit === 'm' && before === '年') || (n.unit === 'd' && before === '月')) return false;
  return true;
}

function yearPhrase(text: string, from: number, to: number, bookTitles = titles(text)): string | undefined {
  let found: string | undefined;
  for (const match of text.slice(from, to).matchAll(YEAR_PHRASE)) {
    if (inside(bookTitles, from + match.index)) continue;
    found = `${match[1]}年${match[2] ?? ''}`;
  }
  return found;
}

/** Reads statistics out of report quotes, remembering each quote's answer. */
export function createStatistics(reports: readonly ReportDoc[], hotlines: ReadonlySet<string>) {
  const cache = new Map<string, Statistic | undefined>();
  const reportTitles = new Map(reports.map((report) => [report, titles(report.text)]));
  const compute = (quote: string): Statistic | undefined => {
    const report = reports.find((candidate) => candidate.text.includes(quote));
    if (!report) return undefined;
    const bookTitles = titles(quote);
    const figures = findNumbers(quote).filter((n) => isFigure(quote, n, hotlines, bookTitles));
    const words = FIGURE_WORDS.filter((word) => quote.includes(word));
    if (figures.length === 0 && words.length === 0) return undefined;
    const at = report.text.indexOf(quote);
    const paragraph = report.text.lastIndexOf('\n', at) + 1;
    const phrase =
      yearPhrase(quote, 0, quote.length) ?? yearPhrase(report.text, paragraph, at, reportTitles.get(report)) ?? `${report.year}年`;
    return { figures, words, phrase };
  };
  return {
    /** The statistic a report quote gives, or undefined when it gives none. */
    of(quote: string): Statistic | undefined {
      if (!cache.has(quote)) cache.set(quote, compute(quote));
      return cache.get(quote);
    },
  };
}

export type Statistics = ReturnType<typeof createStatistics>;

/** Reads the report documents meta.yaml lists; a report's year is its `year`, else the year in its title. */
export function readReports(budget: ReadBudget, meta: Meta, problems: KnowledgeProblem[]): ReportDoc[] {
  const reports: ReportDoc[] = [];
  meta.sources.forEach((source, index) => {
    const unread: KnowledgeProblem[] = [];
    const text = readSource(budget, source.file, unread);
    if (text === undefined) {
      problems.push({ file: 'meta.yaml', field: `sources[${index}].file`, message: `读不到来源文件 ${source.file}:${unread[0]?.message ?? ''}` });
      return;
    }
    const year = source.year ?? Number(/(\d{4})年/u.exec(source.title)?.[1]);
    if (!Number.isInteger(year)) {
      problems.push({ file: 'meta.yaml', field: `sources[${index}].year`, message: '标题里没有年份,请写明 year(报告统计数字所属的年份)' });
      return;
    }
    reports.push({ id: source.id, title: source.title, text, year });
  });
  return reports;
}
