/**
 * Dates in Chinese as residents write them, read relative to a given `today`: 2026年3月2日,
 * 3月2号, 2026-3-2, 今年3月5日, 上个月底, 前天. A mention too vague to count from (a month
 * without a day, 去年三月, 半年前) is returned as `vague` with the one short question to ask:
 * a period is never counted from a guessed day. Every other guess (the year of 3月2号, the
 * day of 上个月底) is stated in `assumption`.
 */
import { addDays, addMonths, civilDate, compareDates, daysInMonth, formatChineseDate, type CivilDate } from './civil-date.js';
import { asciiDigits, parseChineseInteger } from './chinese-number.js';

/** One date mention: a day, or a vague mention with the question that would settle it. */
export type DateMention =
  | { kind: 'date'; date: CivilDate; text: string; index: number; end: number; assumption?: string }
  | { kind: 'vague'; text: string; index: number; end: number; question: string; year?: number; month?: number };

/** How a year-less date is placed. */
export interface DateOptions {
  /** The event has happened: 3月2号 is the latest 3月2日 not after today (default true). */
  past?: boolean;
}

const YEAR = '((?:\\d{4}|[零〇一二三四五六七八九]{4})\\s*年|今年|去年|大前年|前年|明年)';
const MONTH = '(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const DAY = '(3[01]|[12]\\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十[一]?|[一二三四五六七八九])';
const PART = '(初|上旬|中旬|下旬|底|末)';
const NOT_COUNT = '(?![\\d个天周年月])';
const RELATIVE_MONTH = '(上个?月|这个?月|本月|下个?月)';
const COUNT = '(\\d+|[一二两三四五六七八九十半]+)';

type Build = (groups: string[], today: CivilDate, past: boolean) => Omit<DateMention, 'text' | 'index' | 'end'>;

const DAY_WORDS: Record<string, number> = { 今天: 0, 今日: 0, 昨天: -1, 昨日: -1, 前天: -2, 大前天: -3 };
const YEAR_WORDS: Record<string, number> = { 今年: 0, 去年: -1, 前年: -2, 大前年: -3, 明年: 1 };

function yearOf(text: string, today: CivilDate): number | undefined {
  const relative = YEAR_WORDS[text];
  return relative === undefined ? parseChineseInteger(text.replace(/\s*年$/u, '')) : today.year + relative;
}

function dayMention(year: number | undefined, monthText: string, dayText: string, assumption?: string) {
  const month = parseChineseInteger(monthText) ?? 0;
  const day = parseChineseInteger(dayText) ?? 0;
  const date = year === undefined ? undefined : civilDate(year, month, day);
  if (!date) return { kind: 'vague' as const, question: `${month}月没有${day}日，请再核对一下是哪一天？` };
  return { kind: 'date' as const, date, ...(assumption ? { assumption } : {}) };
}

function monthQuestion(year: number, month: number, part?: string): string {
  const when = part ? `${month}月${part}` : `${month}月`;
  return `请问是${year}年${when}的几号？（期限要从具体哪一天算起）`;
}

function monthEnd(year: number, month: number, said: string) {
  const date = { year, month, day: daysInMonth(year, month) };
  return { kind: 'date' as const, date, assumption: `“${said}”按${formatChineseDate(date)}（当月最后一天）算；如果实际早几天，期限也相应提前` };
}

function partOfMonth(year: number, month: number, part: string | undefined, said: string) {
  if (part === '底' || part === '末') return monthEnd(year, month, said);
  return { kind: 'vague' as const, question: monthQuestion(year, month, part), year, month };
}

function relativeMonth(word: string, today: CivilDate): CivilDate {
  const shift = word.startsWith('上') ? -1 : word.startsWith('下') ? 1 : 0;
  return addMonths({ ...today, day: 1 }, shift);
}

const PATTERNS: Array<[RegExp, Build]> = [
  [new RegExp(`${YEAR}\\s*${MONTH}\\s*月\\s*${DAY}\\s*[日号]?${NOT_COUNT}`, 'gu'), ([y, m, d], today) => dayMention(yearOf(y!, today), m!, d!)],
  [/(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)/gu, ([y, m, d]) => dayMention(Number(y), m!, d!)],
  [new RegExp(`${YEAR}\\s*${MONTH}\\s*月份?${PART}?`, 'gu'), ([y, m, part], today) => {
    const year = yearOf(y!, today) ?? today.year;
    return partOfMonth(year, parseChineseInteger(m!) ?? 0, part, `${year}年${m}月${part ?? ''}`);
  }],
  [new RegExp(`${YEAR}${PART}`, 'gu'), ([y, part], today) => {
    const year = yearOf(y!, today) ?? today.year;
    if (part === '底' || part === '末') return monthEnd(year, 12, `${y}${part}`);
    return { kind: 'vague', question: `请问是${year}年几月几号？`, year };
  }],
  [new RegExp(`(?<![\\d年个])${MONTH}\\s*月\\s*${DAY}\\s*[日号]${NOT_COUNT}`, 'gu'), ([m, d], today, past) => {
    const month = parseChineseInteger(m!) ?? 0;
    const day = parseChineseInteger(d!) ?? 0;
    let year = today.year;
    const thisYear = civilDate(year, month, day);
    if (past && thisYear && compareDates(thisYear, today) > 0) year -= 1;
    return dayMention(year, m!, d!, `没有说年份，按${year}年理解`);
  }],
  [new RegExp(`(?<![\\d年个])${MONTH}\\s*月份?${PART}?(?![\\d薪])`, 'gu'), ([m, part], today, past) => {
    const month = parseChineseInteger(m!) ?? 0;
    const year = past && month > today.month ? today.year - 1 : today.year;
    return partOfMonth(year, month, part, `${m}月${part ?? ''}`);
  }],
  [new RegExp(`${RELATIVE_MONTH}的?\\s*${DAY}\\s*[日号]`, 'gu'), ([word, d], today) => {
    const first = relativeMonth(word!, today);
    return dayMention(first.year, String(first.month), d!);
  }],
  [new RegExp(`${RELATIVE_MONTH}${PART}?`, 'gu'), ([word, part], today) => {
    const first = relativeMonth(word!, today);
    return partOfMonth(first.year, first.month, part, `${word}${part ?? ''}`);
  }],
  [/(大前天|前天|昨天|昨日|今天|今日)/gu, ([word], today) => ({ kind: 'date', date: addDays(today, DAY_WORDS[word!] ?? 0) })],
  [new RegExp(`${COUNT}\\s*天(?:以)?前`, 'gu'), ([n], today) => {
    const days = parseChineseInteger(n!);
    return days === undefined ? { kind: 'vague', question: '请问具体是哪一天？请说年月日。' } : { kind: 'date', date: addDays(today, -days) };
  }],
  [new RegExp(`(?:${COUNT}\\s*(?:个多?月|个?星期|周|年)多?|半年)(?:以)?前`, 'gu'), () => ({ kind: 'vague', question: '请问具体是哪一天？请说年月日（期限要从那天的第二天算起）。' })],
  [/((?:\d{4}|[零〇一二三四五六七八九]{4})\s*年|去年|大前年|前年)/gu, ([y], today) => {
    const year = yearOf(y!, today) ?? today.year;
    return { kind: 'vague', question: `请问是${year}年几月几号？`, year };
  }],
];

/** Every date mention in `text`, in order, overlapping candidates resolved to the longest. */
export function findDates(text: string, today: CivilDate, options: DateOptions = {}): DateMention[] {
  const source = asciiDigits(text);
  const past = options.past ?? true;
  const found: DateMention[] = [];
  for (const [pattern, build] of PATTERNS) {
    for (const match of source.matchAll(pattern)) {
      const index = match.index;
      const place = { text: match[0], index, end: index + match[0].length };
      found.push({ ...build(match.slice(1) as string[], today, past), ...place } as DateMention);
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  const chosen: DateMention[] = [];
  for (const mention of found) if (!chosen.some((kept) => mention.index < kept.end && kept.index < mention.end)) chosen.push(mention);
  return chosen.sort((a, b) => a.index - b.index);
}

/** The first date mention in `text`, or undefined when there is none. */
export function parseChineseDate(text: string, today: CivilDate, options: DateOptions = {}): DateMention | undefined {
  return findDates(text, today, options)[0];
}
