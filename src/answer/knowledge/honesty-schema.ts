/**
 * Schema of knowledge/honesty.yaml: the word lists the fact check reads (what a figure counts,
 * what a sentence is about, claims of cost or obligation, hours, titles, Latin codes, channel
 * words, how place names are found). Policy is data: the check's code holds no word list.
 */
import { z } from 'zod';

const word = z.string().trim().min(1);
const words = z.array(word).min(1);
const termId = z.string().regex(/^[a-z][a-z0-9-]*$/, '编号只能用小写字母、数字和短横线');

export const HonestySchema = z.strictObject({
  /** Count nouns by class (宗 and 件 count cases; 人次 visits); `generic` classifiers compare by value alone. */
  units: z.record(termId, words),
  /** Matters by id: what a sentence is about (工资, 复议, 诉讼…). */
  terms: z.record(termId, words),
  /** Matters that say little alone (部门, 投诉): a clause naming only these is read with its sentence. */
  broad: z.array(termId).default([]),
  claims: z
    .array(
      z.strictObject({
        id: termId,
        /** Words that make the claim (免费, 必须). */
        words,
        /** Words a quote says it with (无偿, 不收取, 应当). */
        statedBy: words,
        /**
         * How a quote is known to speak of the same thing: `matter` (a matter of the claim's sentence
         * is named in the quote or its law's name: cost is a property of the service) or `words`
         * (a pair of characters of the claim's clause, matter words aside, stands in the quote).
         */
        sameBy: z.enum(['matter', 'words']).default('words'),
      }),
    )
    .min(1),
  /** Words around a claim word that make it none (不一定, 一定期限). */
  hedges: z.array(word).default([]),
  hours: z.strictObject({ when: words, open: words }),
  titles: words,
  latin: z.array(word).default([]),
  channels: words,
  places: z.strictObject({
    suffixes: words,
    notPlaces: z.array(word).default([]),
    notInPlaceNames: z.array(z.string().length(1, '每项只写一个字')).default([]),
    /** Characters that, right after a suffix, make it no place (市场, 区域). */
    notBefore: z.array(z.string().length(1, '每项只写一个字')).default([]),
    known: z.array(word).default([]),
  }),
});

/** knowledge/honesty.yaml, validated. */
export type HonestyWords = z.infer<typeof HonestySchema>;

/** A matter found in a text: its id and where. */
export interface TermHit {
  id: string;
  start: number;
  end: number;
}

/** Finds matters in texts, longest word first; remembers texts already read. */
export interface TermFinder {
  /** The ids of the matters `text` names. */
  ids(text: string): ReadonlySet<string>;
  /** Each matter word of `text`, in order. */
  hits(text: string): TermHit[];
  /** Whether `id` is a matter of honesty.yaml. */
  has(id: string): boolean;
}

/** Builds the finder of `terms` (honesty.yaml `terms`). */
export function createTermFinder(terms: Record<string, readonly string[]>): TermFinder {
  const byWord = new Map<string, string>();
  for (const [id, list] of Object.entries(terms)) for (const item of list) if (!byWord.has(item)) byWord.set(item, id);
  const sorted = [...byWord.keys()].sort((a, b) => b.length - a.length);
  const pattern = sorted.length ? new RegExp(sorted.map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu') : undefined;
  const cache = new Map<string, TermHit[]>();
  const hits = (text: string): TermHit[] => {
    let found = cache.get(text);
    if (!found) {
      found = pattern ? [...text.matchAll(pattern)].map((m) => ({ id: byWord.get(m[0]) as string, start: m.index, end: m.index + m[0].length })) : [];
      if (cache.size > 20_000) cache.clear();
      cache.set(text, found);
    }
    return found;
  };
  return { hits, ids: (text) => new Set(hits(text).map((hit) => hit.id)), has: (id) => id in terms };
}

/** The class of the count noun at the start of `after` (宗 → cases), the longest word first; undefined when none. */
export function nounClass(after: string, units: Record<string, readonly string[]>): { id: string; word: string } | undefined {
  let best: { id: string; word: string } | undefined;
  for (const [id, list] of Object.entries(units)) {
    for (const item of list) if (after.startsWith(item) && (!best || item.length > best.word.length)) best = { id, word: item };
  }
  return best;
}
