/**
 * How close a question comes to an entry's single closest sample (its title or one sample
 * question): IDF-weighted Jaccard, shared / (question + sample − shared). Bitmasks of the
 * samples holding each token keep it to one pass over the question's tokens.
 */
import type { Entry } from '../knowledge/knowledge-base.js';

/** Samples compared per entry (title + questions); one bit each in a 32-bit mask. */
const MAX_SAMPLES = 31;

/** A question's distinct tokens (first occurrence first) with their IDF weights, and the weights' total. */
export interface WeightedQuery {
  tokens: readonly string[];
  weights: readonly number[];
  total: number;
}

/** The distinct tokens of a question, first occurrence first, with their IDF and its total (summed in that order). */
export function weightQuery(tokens: readonly string[], idf: (token: string) => number): WeightedQuery {
  const unique = [...new Set(tokens)];
  const weights = unique.map(idf);
  let total = 0;
  for (const weight of weights) total += weight;
  return { tokens: unique, weights, total };
}

/** Similarity of a weighted query to an entry's closest sample. */
export type Nearest = (entryId: string, query: WeightedQuery) => number;

export function createNearest(
  entries: readonly Entry[],
  indexTerms: (text: string) => string[],
  idf: (token: string) => number,
): Nearest {
  const samples = new Map(
    entries.map((entry) => {
      const masks = new Map<string, number>();
      const texts = [entry.title, ...entry.questions].slice(0, MAX_SAMPLES);
      const totals = new Float64Array(texts.length);
      texts.forEach((text, i) => {
        const bit = 1 << i;
        // Each distinct token once, first occurrence first: its bit says whether it was seen.
        for (const token of indexTerms(text)) {
          const mask = masks.get(token) ?? 0;
          if ((mask & bit) !== 0) continue;
          masks.set(token, mask | bit);
          totals[i] = (totals[i] ?? 0) + idf(token);
        }
      });
      return [entry.id, { masks, totals }];
    }),
  );
  const shared = new Float64Array(32);
  return (entryId, query) => {
    const entry = samples.get(entryId);
    if (!entry) return 0;
    const { tokens, weights, total: queryTotal } = query;
    shared.fill(0, 0, entry.totals.length);
    for (let t = 0; t < tokens.length; t += 1) {
      const weight = weights[t] as number;
      let mask = entry.masks.get(tokens[t] as string) ?? 0;
      while (mask !== 0) {
        const bit = 31 - Math.clz32(mask);
        shared[bit] = (shared[bit] ?? 0) + weight;
        mask &= ~(1 << bit);
      }
    }
    let best = 0;
    for (let i = 0; i < entry.totals.length; i += 1) {
      const common = shared[i] ?? 0;
      const union = queryTotal + (entry.totals[i] ?? 0) - common;
      if (union > 0 && common / union > best) best = common / union;
    }
    return best;
  };
}
