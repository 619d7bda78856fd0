/**
 * What staff read from the store, whatever the engine: the questions the bot could not
 * answer and the answers people disliked, grouped by normalized text (`review`); and counts
 * per day (`stats`). Each engine's {@link StoreReader} runs the queries; the grouping and the
 * assembly of the days are written once, here.
 */
import { createNormalizer, type Normalizer } from '../../answer/read/normalize.js';
import type { FlowMarkRow } from './flow-stats.js';

/** One group of alike questions. */
export interface ReviewRow {
  type: 'unanswered' | 'disliked';
  /** What groups the questions: {@link groupKey} of the question, or `entry:<id>` for a 👎 without one. */
  key: string;
  count: number;
  /** The most frequent wording in the group (masked); '' when a 👎 came without its question. */
  question: string;
  /** Replies the group got, e.g. `fallback 3, clarify 1`; `👎` for disliked. */
  kinds: string;
  /** Unanswered: the entry the questions came closest to; disliked: the entry disliked. */
  entry?: string;
  /** The latest occurrence, ms since the epoch. */
  lastAt: number;
}

/** One unanswered question or 👎, as an engine reads it. */
export interface Occurrence {
  at: number;
  kind: string;
  entry: string | null;
  question: string | null;
}

/** Counts of one day (local time). */
export interface DayStats {
  day: string;
  total: number;
  /** Messages per reply kind (`feedback` for ratings). */
  kinds: Record<string, number>;
  /** Answers per topic. */
  topics: Record<string, number>;
  useful: number;
  notUseful: number;
}

/** 👍 / 👎 of one entry. */
export interface EntryFeedback {
  entry: string | null;
  useful: number;
  notUseful: number;
}

/** What {@link StoreReader.reviewRows} reads. */
export interface ReviewQuery {
  since: number;
  limit: number;
  hide?: (row: ReviewRow) => boolean;
}

/** The read side of a message store, for `review` and `stats`. */
export interface StoreReader {
  /**
   * The most frequent unanswered (fallback, clarify) and disliked questions since `since`, at
   * most `limit` groups of each; the groups `hide` says staff dealt with are left out first.
   */
  reviewRows(options: ReviewQuery): Promise<ReviewRow[]>;
  /** Counts per day since `since`, newest day first. */
  dailyStats(options: { since: number }): Promise<DayStats[]>;
  /** 👍 / 👎 per entry since `since`, most disliked first. */
  feedbackByEntry(options: { since: number; limit: number }): Promise<EntryFeedback[]>;
  /** The guided flows' replies since `since` (entry `flow:…`), for their 统计. */
  flowMarks(options: { since: number }): Promise<FlowMarkRow[]>;
  close(): Promise<void>;
}

let normalize: Normalizer | undefined;

/** The grouping key: width, case, script, spacing, punctuation and emoji do not matter. */
export function groupKey(question: string): string {
  normalize ??= createNormalizer(new Map());
  return normalize(question).replace(/[\s\p{P}\p{S}]/gu, '');
}

function mostFrequent(values: Array<string | null>): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  // Ties go to the shortest wording, usually the tidiest.
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * Groups occurrences of one type by {@link groupKey}, most frequent first, at most `limit`
 * groups after leaving out those `hide` names.
 */
export function groupOccurrences(type: ReviewRow['type'], occurrences: Occurrence[], limit: number, hide: (row: ReviewRow) => boolean = () => false): ReviewRow[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = occurrence.question ? groupKey(occurrence.question) : `entry:${occurrence.entry ?? ''}`;
    const items = groups.get(key);
    if (items) items.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const rows = [...groups].map(([key, items]): ReviewRow => {
    const kinds = new Map<string, number>();
    for (const item of items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    const entry = mostFrequent(items.map((item) => item.entry));
    return {
      type,
      key,
      count: items.length,
      question: mostFrequent(items.map((item) => item.question)) ?? '',
      kinds: [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', '),
      ...(entry === undefined ? {} : { entry }),
      lastAt: Math.max(...items.map((item) => item.at)),
    };
  });
  return rows
    .filter((row) => !hide(row))
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt)
    .slice(0, limit);
}

/** Share of the questions matched that got no answer: fallback ÷ (answer + clarify + fallback). */
export function fallbackRate(kinds: Record<string, number>): number | undefined {
  const asked = (kinds.answer ?? 0) + (kinds.clarify ?? 0) + (kinds.fallback ?? 0);
  return asked === 0 ? undefined : (kinds.fallback ?? 0) / asked;
}

/** The grouped counts an engine reads, per local day. */
export interface DayCounts {
  kinds: Array<{ day: string; kind: string; n: number }>;
  topics: Array<{ day: string; topic: string | null; n: number }>;
  votes: Array<{ day: string; useful: boolean; n: number }>;
}

/** Puts an engine's counts together into days, newest first. */
export function assembleDays(counts: DayCounts): DayStats[] {
  const days = new Map<string, DayStats>();
  const dayOf = (day: string) => {
    let stats = days.get(day);
    if (!stats) days.set(day, (stats = { day, total: 0, kinds: {}, topics: {}, useful: 0, notUseful: 0 }));
    return stats;
  };
  for (const { day, kind, n } of counts.kinds) {
    const stats = dayOf(day);
    stats.kinds[kind] = n;
    stats.total += n;
  }
  for (const { day, topic, n } of counts.topics) dayOf(day).topics[topic ?? '(none)'] = n;
  for (const { day, useful, n } of counts.votes) dayOf(day)[useful ? 'useful' : 'notUseful'] += n;
  return [...days.values()].sort((a, b) => b.day.localeCompare(a.day));
}
