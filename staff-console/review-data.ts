/**
 * The 待处理 data of the console: the same functions as `review` (groups from the store, less
 * what staff dealt with, described by the knowledge in service), answered by the running bot
 * as a new person (nothing recorded).
 */
import type { App } from '../src/app.js';
import { BotError } from '../src/errors.js';
import { describeRows, readReviewRows, type ReviewLine } from '../src/service/staff/review-lines.js';
import type { StaffStore } from '../src/service/staff/staff-store.js';

/** Groups of each type listed at most. */
export const REVIEW_LIMIT = 30;

/** The `days` of a query: 1 to 365, `fallback` otherwise. */
export function daysOf(value: unknown, fallback: number): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 && days <= 365 ? days : fallback;
}

export type ReviewData =
  | { ok: true; lines: ReviewLine[]; hidden: number; recorded: boolean }
  | { ok: false; error: BotError };

/** Reads and describes the groups of the last `days`; a store that cannot be read is an error to show, not a failure. */
export async function loadReview(app: App, store: StaffStore, days: number): Promise<ReviewData> {
  try {
    const read = await readReviewRows(app.config, { days, limit: REVIEW_LIMIT }, () => store.reviewActions());
    if (!read) return { ok: true, lines: [], hidden: 0, recorded: false };
    const ask = async (question: string) => (await app.explain(question)).reply;
    return { ok: true, lines: await describeRows(read.rows, app.bot.engine.knowledge, ask), hidden: read.hidden, recorded: true };
  } catch (error) {
    if (error instanceof BotError) return { ok: false, error };
    throw error;
  }
}
