import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatIsoDate, parseIsoDate } from '../../../../src/answer/calculate/civil-date.js';
import { EMPTY_CALENDAR, holidayCalendar, HolidaysFileSchema, isRestDay } from '../../../../src/answer/calculate/holidays.js';
import { periodEnd, type Period } from '../../../../src/answer/calculate/period.js';

const calendar = holidayCalendar(HolidaysFileSchema.parse(parse(readFileSync('knowledge/calculate/holidays.yaml', 'utf8'))));
const date = (text: string) => parseIsoDate(text)!;

function end(event: string, period: Period) {
  const result = periodEnd(date(event), period, calendar);
  return { nominal: formatIsoDate(result.nominal), last: formatIsoDate(result.last), unchecked: result.uncheckedYears };
}

describe('the holiday calendar', () => {
  it('knows holidays, 调休 working weekends and plain weekends of the years on file', () => {
    expect(isRestDay(calendar, date('2025-10-08'))).toBe(true);
    expect(isRestDay(calendar, date('2025-10-11'))).toBe(false);
    expect(isRestDay(calendar, date('2025-10-12'))).toBe(true);
    expect(isRestDay(calendar, date('2025-10-09'))).toBe(false);
    expect(isRestDay(calendar, date('2026-02-28'))).toBe(false);
  });

  it('says "unknown" for a year not on file rather than guess', () => {
    expect(isRestDay(calendar, date('2027-01-01'))).toBeUndefined();
    expect(isRestDay(EMPTY_CALENDAR, date('2025-10-01'))).toBeUndefined();
  });

  it('refuses a 调休 working day that is no weekend, and a year twice', () => {
    const year = { year: 2025, notice: 'x', number: 'y', issued: '2024-11-12', holidays: [{ name: 'a', from: '2025-01-01', to: '2025-01-01' }] };
    expect(HolidaysFileSchema.safeParse({ years: [{ ...year, workdays: ['2025-01-02'] }] }).success).toBe(false);
    expect(HolidaysFileSchema.safeParse({ years: [{ ...year, workdays: [] }, { ...year, workdays: [] }] }).success).toBe(false);
    expect(HolidaysFileSchema.safeParse({ years: [{ ...year, number: null, workdays: [] }] }).success).toBe(false);
  });
});

describe('periodEnd', () => {
  it('does not count the day of the event (民法典 第二百零一条)', () => {
    expect(end('2025-03-03', { amount: 15, unit: 'day' })).toMatchObject({ last: '2025-03-18' });
  });

  it('ends a month period on the corresponding day, or the month-end when there is none (第二百零二条)', () => {
    expect(end('2025-01-31', { amount: 1, unit: 'month' })).toMatchObject({ nominal: '2025-02-28' });
    expect(end('2024-01-31', { amount: 1, unit: 'month' })).toMatchObject({ nominal: '2024-02-29' });
    expect(end('2025-08-31', { amount: 6, unit: 'month' })).toMatchObject({ nominal: '2026-02-28' });
  });

  it('counts a leap day forward to the month-end of a common year', () => {
    expect(end('2024-02-29', { amount: 1, unit: 'year' })).toMatchObject({ nominal: '2025-02-28', last: '2025-02-28' });
  });

  it('moves a last day on a holiday to the first working day after it (第二百零三条)', () => {
    // 15 days from 2025-09-16 end on 10-01, inside the National Day holiday (10-01 to 10-08).
    expect(end('2025-09-16', { amount: 15, unit: 'day' })).toEqual({ nominal: '2025-10-01', last: '2025-10-09', unchecked: [] });
    // A Saturday moves to Monday; a 调休 working Saturday does not move.
    expect(end('2025-03-07', { amount: 1, unit: 'day' })).toMatchObject({ last: '2025-03-10' });
    expect(end('2025-10-01', { amount: 10, unit: 'day' })).toMatchObject({ last: '2025-10-11' });
  });

  it('leaves the end of a year not on file where the count puts it, and says so', () => {
    expect(end('2026-03-02', { amount: 1, unit: 'year' })).toEqual({ nominal: '2027-03-02', last: '2027-03-02', unchecked: [2027] });
  });

  it('counts working days only for working-day periods', () => {
    // Delivered Monday 2025-09-29: Tue 30, then 10-01..10-08 off, 10-09, 10-10 is the third.
    expect(end('2025-09-29', { amount: 3, unit: 'workday' })).toMatchObject({ last: '2025-10-10', unchecked: [] });
    // Delivered Thursday 2025-09-25: Fri 26, Sun 28 (调休 working day), Mon 29.
    expect(end('2025-09-25', { amount: 3, unit: 'workday' })).toMatchObject({ last: '2025-09-29' });
  });
});
