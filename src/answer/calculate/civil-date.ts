/**
 * Calendar dates without time or time zone, the unit every legal period is counted in.
 * Arithmetic goes through a day number (days since 1970-01-01, proleptic Gregorian) so no
 * `Date` object, host time zone or daylight rule can move a deadline by a day.
 */

/** A calendar day: month 1-12, day 1-31. Build one with {@link civilDate}. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date, or undefined when it does not exist (2月30日, 13月). Years 1900-2200 only. */
export function civilDate(year: number, month: number, day: number): CivilDate | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `date` moved by `days` (negative: back). */
export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The corresponding day `months` later (民法典 第二百零二条): the same day of the month, or the
 * month's last day when that month has no such day (1月31日 + 1个月 = 2月28日 or 29日).
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** Negative when `a` is earlier than `b`, 0 on the same day, positive when later. */
export function compareDates(a: CivilDate, b: CivilDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The earlier of two dates. */
export function earlierOf(a: CivilDate, b: CivilDate): CivilDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** True on Saturday and Sunday. */
export function isWeekend(date: CivilDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** `2026-03-02`. */
export function formatIsoDate(date: CivilDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** A date from `YYYY-MM-DD` (one-digit month and day allowed), or undefined. */
export function parseIsoDate(text: string): CivilDate | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(text.trim());
  return match ? civilDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `2026年3月2日`, with `（星期一）` when `withWeekday`. */
export function formatChineseDate(date: CivilDate, withWeekday = false): string {
  const text = `${date.year}年${date.month}月${date.day}日`;
  return withWeekday ? `${text}（${WEEKDAY_NAMES[weekday(date)]}）` : text;
}

/** Whole months and leftover days from `start` up to (not including) `endExclusive`. */
export interface MonthsAndDays {
  months: number;
  days: number;
}

/**
 * The span from `start` to `endExclusive` as whole months (the largest m whose corresponding
 * day {@link addMonths}(start, m) is not after `endExclusive`) and the days left over.
 * Undefined when `endExclusive` is before `start`.
 */
export function monthsAndDaysBetween(start: CivilDate, endExclusive: CivilDate): MonthsAndDays | undefined {
  if (compareDates(endExclusive, start) < 0) return undefined;
  let months = (endExclusive.year - start.year) * 12 + (endExclusive.month - start.month);
  while (months > 0 && compareDates(addMonths(start, months), endExclusive) > 0) months -= 1;
  const days = toDayNumber(endExclusive) - toDayNumber(addMonths(start, months));
  return { months, days };
}
