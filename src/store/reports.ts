/**
 * What staff read from the store: the questions the bot could not answer and the answers
 * people disliked, grouped by normalized text (`review`); and counts per day (`stats`).
 * Read-only queries over the database of {@link openSqliteStore}.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { createNormalizer, type Normalizer } from '../text/normalize.js';
import { STORE_FILE } from './sqlite-store.js';

type Db = BetterSqlite3.Database;

/** Opens the store of `dataDir` read-only; undefined when nothing was recorded there yet. */
export function openStoreForReading(dataDir: string): Db | undefined {
  const file = path.join(dataDir, STORE_FILE);
  if (!fs.existsSync(file)) return undefined;
  return new Database(file, { readonly: true, fileMustExist: true, timeout: 2_000 });
}

/** One group of alike questions. */
export interface ReviewRow {
  type: 'unanswered' | 'disliked';
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

interface Occurrence {
  at: number;
  kind: string;
  entry: string | null;
  question: string | null;
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

function group(type: ReviewRow['type'], occurrences: Occurrence[], limit: number): ReviewRow[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    const key = occurrence.question ? groupKey(occurrence.question) : `entry:${occurrence.entry ?? ''}`;
    const items = groups.get(key);
    if (items) items.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const rows = [...groups.values()].map((items): ReviewRow => {
    const kinds = new Map<string, number>();
    for (const item of items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
    return {
      type,
      count: items.length,
      question: mostFrequent(items.map((item) => item.question)) ?? '',
      kinds: [...kinds].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`).join(', '),
      entry: mostFrequent(items.map((item) => item.entry)),
      lastAt: Math.max(...items.map((item) => item.at)),
    };
  });
  return rows.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt).slice(0, limit);
}

/** The most frequent unanswered (fallback, clarify) and disliked questions since `since`. */
export function reviewRows(db: Db, options: { since: number; limit: number }): ReviewRow[] {
  const unanswered = db
    .prepare<unknown[], Occurrence>(
      `SELECT at, kind, entry, question FROM messages
       WHERE question IS NOT NULL AND kind IN ('fallback', 'clarify') AND at >= ?`,
    )
    .all(options.since);
  const disliked = db
    .prepare<unknown[], Occurrence>(`SELECT at, '👎' AS kind, entry, question FROM feedback WHERE useful = 0 AND at >= ?`)
    .all(options.since);
  return [...group('unanswered', unanswered, options.limit), ...group('disliked', disliked, options.limit)];
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

/** Share of the questions matched that got no answer: fallback ÷ (answer + clarify + fallback). */
export function fallbackRate(kinds: Record<string, number>): number | undefined {
  const asked = (kinds.answer ?? 0) + (kinds.clarify ?? 0) + (kinds.fallback ?? 0);
  return asked === 0 ? undefined : (kinds.fallback ?? 0) / asked;
}

const DAY = "date(at / 1000, 'unixepoch', 'localtime')";

/** Counts per day since `since`, newest day first. */
export function dailyStats(db: Db, options: { since: number }): DayStats[] {
  const days = new Map<string, DayStats>();
  const dayOf = (day: string) => {
    let stats = days.get(day);
    if (!stats) days.set(day, (stats = { day, total: 0, kinds: {}, topics: {}, useful: 0, notUseful: 0 }));
    return stats;
  };
  const kinds = db
    .prepare<unknown[], { day: string; kind: string; n: number }>(
      `SELECT ${DAY} AS day, kind, COUNT(*) AS n FROM messages WHERE at >= ? GROUP BY day, kind`,
    )
    .all(options.since);
  for (const { day, kind, n } of kinds) {
    const stats = dayOf(day);
    stats.kinds[kind] = n;
    stats.total += n;
  }
  const topics = db
    .prepare<unknown[], { day: string; topic: string | null; n: number }>(
      `SELECT ${DAY} AS day, topic, COUNT(*) AS n FROM messages WHERE kind = 'answer' AND at >= ? GROUP BY day, topic`,
    )
    .all(options.since);
  for (const { day, topic, n } of topics) dayOf(day).topics[topic ?? '(none)'] = n;
  const votes = db
    .prepare<unknown[], { day: string; useful: number; n: number }>(
      `SELECT ${DAY} AS day, useful, COUNT(*) AS n FROM feedback WHERE at >= ? GROUP BY day, useful`,
    )
    .all(options.since);
  for (const { day, useful, n } of votes) dayOf(day)[useful ? 'useful' : 'notUseful'] += n;
  return [...days.values()].sort((a, b) => b.day.localeCompare(a.day));
}

/** 👍 / 👎 per entry since `since`, most disliked first. */
export function feedbackByEntry(db: Db, options: { since: number; limit: number }) {
  return db
    .prepare<unknown[], { entry: string | null; useful: number; notUseful: number }>(
      `SELECT entry, SUM(useful) AS useful, SUM(1 - useful) AS notUseful FROM feedback
       WHERE at >= ? GROUP BY entry ORDER BY notUseful DESC, useful ASC LIMIT ?`,
    )
    .all(options.since, options.limit);
}
