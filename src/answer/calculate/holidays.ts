/**
 * The official holiday calendar (knowledge/calculate/holidays.yaml): for each year whose State
 * Council notice is on file, its holidays and its 调休 working weekends, with the notice named.
 * A day is a rest day when it is in a holiday, or a Saturday or Sunday that is not a 调休
 * working day. For a year not on file the calendar says "unknown" rather than guess.
 */
import { z } from 'zod';
import { compareDates, isWeekend, parseIsoDate, toDayNumber, type CivilDate } from './civil-date.js';

const IsoDate = z.string().refine((text) => parseIsoDate(text) !== undefined, { message: '日期要写成 YYYY-MM-DD，并且是真实存在的日期' });

const HolidaySchema = z.object({
  name: z.string().min(1),
  from: IsoDate,
  to: IsoDate,
});

const HolidayYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2200),
    notice: z.string().min(1),
    number: z.string().min(1).nullable(),
    issued: IsoDate,
    publishedVia: z.string().min(1).optional(),
    holidays: z.array(HolidaySchema).min(1),
    workdays: z.array(IsoDate),
  })
  .superRefine((entry, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
    if (entry.number === null && !entry.publishedVia) problem(['publishedVia'], '没有文号时要写明从哪里发布（publishedVia）');
    entry.holidays.forEach((holiday, index) => {
      const from = parseIsoDate(holiday.from);
      const to = parseIsoDate(holiday.to);
      if (!from || !to) return;
      if (compareDates(from, to) > 0) problem(['holidays', index, 'to'], '结束日期早于开始日期');
      if (from.year !== entry.year || to.year !== entry.year) problem(['holidays', index], `假期要在${entry.year}年之内`);
    });
    entry.workdays.forEach((text, index) => {
      const date = parseIsoDate(text);
      if (!date) return;
      if (date.year !== entry.year) problem(['workdays', index], `调休上班日要在${entry.year}年之内`);
      if (!isWeekend(date)) problem(['workdays', index], `${text}不是周六或周日，调休上班日应当是周末`);
    });
  });

/** The schema of holidays.yaml. */
export const HolidaysFileSchema = z.object({ years: z.array(HolidayYearSchema) }).superRefine((file, context) => {
  const seen = new Set<number>();
  file.years.forEach((entry, index) => {
    if (seen.has(entry.year)) context.addIssue({ code: 'custom', path: ['years', index, 'year'], message: `${entry.year}年写了两次` });
    seen.add(entry.year);
  });
});

/** holidays.yaml as validated. */
export type HolidaysFile = z.infer<typeof HolidaysFileSchema>;

/** The notice a year's calendar comes from. */
export interface HolidayNotice {
  year: number;
  notice: string;
  number: string | null;
  issued: string;
}

/** The calendar built from holidays.yaml. */
export interface HolidayCalendar {
  readonly notices: ReadonlyMap<number, HolidayNotice>;
  readonly holidayDays: ReadonlySet<number>;
  readonly workDays: ReadonlySet<number>;
}

/** Builds the calendar from a validated holidays.yaml. */
export function holidayCalendar(file: HolidaysFile): HolidayCalendar {
  const notices = new Map<number, HolidayNotice>();
  const holidayDays = new Set<number>();
  const workDays = new Set<number>();
  for (const entry of file.years) {
    notices.set(entry.year, { year: entry.year, notice: entry.notice, number: entry.number, issued: entry.issued });
    for (const holiday of entry.holidays) {
      const last = toDayNumber(parseIsoDate(holiday.to)!);
      for (let day = toDayNumber(parseIsoDate(holiday.from)!); day <= last; day += 1) holidayDays.add(day);
    }
    for (const text of entry.workdays) workDays.add(toDayNumber(parseIsoDate(text)!));
  }
  return { notices, holidayDays, workDays };
}

/** A calendar with no year on file (every answer about holidays is "unknown"). */
export const EMPTY_CALENDAR: HolidayCalendar = { notices: new Map(), holidayDays: new Set(), workDays: new Set() };

/** True on a rest day, false on a working day, undefined when the year's notice is not on file. */
export function isRestDay(calendar: HolidayCalendar, date: CivilDate): boolean | undefined {
  if (!calendar.notices.has(date.year)) return undefined;
  const day = toDayNumber(date);
  if (calendar.holidayDays.has(day)) return true;
  if (calendar.workDays.has(day)) return false;
  return isWeekend(date);
}

/** How a notice is named in a result: its title and number (or issue date). */
export function noticeName(notice: HolidayNotice): string {
  return `《${notice.notice}》（${notice.number ?? `${notice.issued}发布`}）`;
}

/** The years on file, ascending, for messages such as "节假日数据只有2024—2026年". */
export function coveredYears(calendar: HolidayCalendar): number[] {
  return [...calendar.notices.keys()].sort((a, b) => a - b);
}
