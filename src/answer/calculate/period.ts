/**
 * Where a period ends. Civil-law and procedural periods count alike: the day of the event is
 * not counted (民法典 第二百零一条; 民事诉讼法 第八十五条; 刑事诉讼法 第一百零五条), a period of
 * months or years ends on the corresponding day of the last month, or its last day when it
 * has none (民法典 第二百零二条), and a last day that is a rest day moves to the first working
 * day after it (民法典 第二百零三条 and the procedural articles). Rest days are weekends
 * that are not 调休 working days, and the holidays of the official calendar. Some rules count
 * in working days (行政复议法 第八十八条's 3/5/7/10 days; 道路交通事故处理程序规定): then only
 * working days are counted.
 *
 * Where a year's calendar is not on file the end is left where the count puts it (never
 * moved by a guess) and the year is reported, so the result can say it was not checked.
 */
import { addDays, addMonths, isWeekend, type CivilDate } from './civil-date.js';
import { isRestDay, type HolidayCalendar } from './holidays.js';

/** Units periods are counted in. */
export type PeriodUnit = 'day' | 'month' | 'year' | 'workday';

/** A period: so many units. */
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/** Where a period that starts with an event ends. */
export interface PeriodEnd {
  /** The last day by the count alone. */
  nominal: CivilDate;
  /** The last day after a rest-day last day is moved on (the deadline). */
  last: CivilDate;
  /** True when `nominal` was a rest day and the last day moved. */
  moved: boolean;
  /** Years whose holidays the count needed but the calendar does not have. */
  uncheckedYears: number[];
}

/**
 * The end of `period` counted from the day after `event`. The last day moves off rest days
 * as the civil and procedural rules say; working-day periods count working days only.
 */
export function periodEnd(event: CivilDate, period: Period, calendar: HolidayCalendar): PeriodEnd {
  const unchecked = new Set<number>();
  const rest = (date: CivilDate): boolean => {
    const known = isRestDay(calendar, date);
    if (known !== undefined) return known;
    unchecked.add(date.year);
    return isWeekend(date);
  };
  if (period.unit === 'workday') {
    let day = event;
    for (let counted = 0; counted < period.amount; ) {
      day = addDays(day, 1);
      if (!rest(day)) counted += 1;
    }
    return { nominal: day, last: day, moved: false, uncheckedYears: [...unchecked] };
  }
  const nominal =
    period.unit === 'day' ? addDays(event, period.amount) : addMonths(event, period.unit === 'year' ? period.amount * 12 : period.amount);
  let last = nominal;
  for (;;) {
    const known = isRestDay(calendar, last);
    if (known === undefined) {
      // Without the year's notice a weekend might be a 调休 working day: keep the earlier day.
      unchecked.add(last.year);
      break;
    }
    if (!known) break;
    last = addDays(last, 1);
  }
  return { nominal, last, moved: last !== nominal, uncheckedYears: [...unchecked] };
}
