/**
 * Lengths of time as residents say them: 3年8个月, 三年八个月, 两年零三个月, 一年半, 半年,
 * 5个月29天, 15天. "两年多" is vague where it matters (is it two years and two months, or
 * two years and seven?) and comes back with the one question to ask; "5个多月" is read as
 * five months and some days, which is all a count of months needs.
 */
import { asciiDigits, parseChineseInteger } from './chinese-number.js';

/** A length of time in whole years, months and days. */
export interface Span {
  years: number;
  months: number;
  days: number;
}

/** One length of time found in a text. */
export type DurationMention =
  | { kind: 'duration'; span: Span; someDays: boolean; text: string; index: number; end: number }
  | { kind: 'vague'; question: string; text: string; index: number; end: number };

const NUM = '(\\d{1,2}|[一二两三四五六七八九十]{1,3})';
const DURATION = new RegExp(
  `(?<![\\d年〇零一二两三四五六七八九十])(?:${NUM}\\s*年(半)?(多)?|(半)年)?(?:\\s*零?\\s*${NUM}\\s*个(半)?(多)?月)?(?:\\s*零?\\s*${NUM}\\s*天(?![前后]))?`,
  'gu',
);

function count(text: string | undefined): number {
  return text === undefined ? 0 : (parseChineseInteger(text) ?? 0);
}

/** Every length of time in `text`, in order. */
export function findDurations(text: string): DurationMention[] {
  const source = asciiDigits(text);
  const found: DurationMention[] = [];
  for (const match of source.matchAll(DURATION)) {
    if (match[0].trim() === '') continue;
    const [, yearText, yearHalf, yearMore, halfYear, monthText, monthHalf, monthMore, dayText] = match;
    const place = { text: match[0].trim(), index: match.index + (match[0].length - match[0].trimStart().length), end: match.index + match[0].trimEnd().length };
    if (/[前后以]/u.test(source.slice(place.end, place.end + 1))) continue;
    const years = count(yearText);
    const months = count(monthText) + (yearHalf || halfYear ? 6 : 0);
    if (yearMore && monthText === undefined) {
      found.push({ kind: 'vague', question: `“${years}年多”是${years}年零几个月？（满六个月和不满六个月算法不一样）`, ...place });
      continue;
    }
    const days = count(dayText);
    const total = years * 12 + months;
    found.push({ kind: 'duration', span: { years: Math.floor(total / 12), months: total % 12, days }, someDays: Boolean(monthMore || monthHalf), ...place });
  }
  return found;
}
