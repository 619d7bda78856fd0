/**
 * Length of service and the months of pay it is worth under 劳动合同法 第四十七条: a month per
 * full year; a leftover of six months or more counts as a year, a leftover under six months
 * (even a day) as half a month. Counted in half-months so no fraction is ever a float.
 */
import { addDays, compareDates, monthsAndDaysBetween, type CivilDate } from './civil-date.js';
import type { Span } from './duration-parse.js';

/** A length of service; `someDays` when the person said "多" after the months (5个多月). */
export interface Service extends Span {
  someDays?: boolean;
}

/**
 * The service from the first day worked to the last, both counted (入职 3月2日, 离职 次年3月1日
 * = one year). Undefined when the last day is before the first.
 */
export function serviceBetween(first: CivilDate, last: CivilDate): Service | undefined {
  if (compareDates(last, first) < 0) return undefined;
  const span = monthsAndDaysBetween(first, addDays(last, 1))!;
  return { years: Math.floor(span.months / 12), months: span.months % 12, days: span.days };
}

/** Half-months of pay for `service` (第四十七条第一款): 2 a full year, 2 or 1 for the rest. */
export function compensationHalfMonths(service: Service): number {
  const totalMonths = service.years * 12 + service.months;
  const months = totalMonths % 12;
  const rest = months >= 6 ? 2 : months > 0 || service.days > 0 || service.someDays ? 1 : 0;
  return Math.floor(totalMonths / 12) * 2 + rest;
}

/** 3年8个月, 5个月29天, 0天. */
export function serviceText(service: Service): string {
  const parts = [
    service.years ? `${service.years}年` : '',
    service.months ? `${service.months}个${service.someDays ? '多' : ''}月` : '',
    service.days ? `${service.days}天` : '',
  ].join('');
  return parts || '0天';
}

/** 4, 2.5, 0.5: half-months as months, written without a float. */
export function halfMonthsText(halfMonths: number): string {
  return `${Math.floor(halfMonths / 2)}${halfMonths % 2 ? '.5' : ''}`;
}
