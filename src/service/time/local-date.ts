/**
 * The calendar day of a moment where the bot serves: 曲江区 keeps China Standard Time (UTC+8,
 * no daylight saving), whatever zone the server runs in, so a deadline counted "from today"
 * is counted from the resident's today. The moment comes from the one {@link Clock}
 * (`clock.ts`): the bot's `now`, the API's clock.
 */

/** The zone the residents live in. */
export const LOCAL_TIME_ZONE = 'Asia/Shanghai';

const FORMAT = new Intl.DateTimeFormat('en-US', { timeZone: LOCAL_TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' });

/** The day in 曲江区 at `ms` (milliseconds since the epoch). */
export function localDate(ms: number): { year: number; month: number; day: number } {
  const part = (type: string) => Number(FORMAT.formatToParts(ms).find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}
