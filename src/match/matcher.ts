/**
 * Finds the knowledge entries closest to a normalized question: segment (search mode),
 * drop stopwords, rank with BM25, score confidence as covered IDF share, and favour the
 * entries whose aspect the question names. Typo correction runs only when the first pass
 * is unsure, so a confident question is never rewritten.
 */
import type { Entry, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Segmenter } from '../segment/segmenter.js';
import { createTermCorrector, type Correction, type TermCorrector } from '../text/correct-terms.js';
import { Bm25Index, type IndexInput } from './bm25-index.js';

/** One ranked entry. */
export interface Candidate {
  entry: Entry;
  /** Raw BM25 score. */
  bm25: number;
  /** Share of the question's IDF weight this entry covers, in [0, 1]. */
  coverage: number;
  /** The ordering key: coverage, BM25 relative to the best, aspect agreement. */
  rank: number;
}

/** Everything the matcher saw and decided, for the pipeline and the staff `why` view. */
export interface MatchResult {
  tokens: string[];
  corrections: Correction[];
  /** Aspect ids the question names ("在哪里" → where). */
  aspects: string[];
  /** True when no token points at a topic: only aspect words ("收费吗?"). */
  aspectOnly: boolean;
  candidates: Candidate[];
}

export interface Matcher {
  match(normalized: string): MatchResult;
  /** Query tokens as the matcher uses them. */
  tokenize(normalized: string): string[];
}

const TITLE_WEIGHT = 2;
const KEYWORD_WEIGHT = 2;
const ASPECT_BONUS = 0.12;
const WORD = /[\p{L}\p{N}]/u;

/** Builds the index over titles, sample questions and keywords of every entry. */
export function createMatcher(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  options: { correctBelow: number } = { correctBelow: 0.6 },
): Matcher {
  const { stopwords } = knowledge;
  const terms = (text: string) =>
    segmenter.cutForSearch(text.toLowerCase()).filter((token) => WORD.test(token) && !stopwords.has(token));

  const docs: IndexInput[] = knowledge.entries.map((entry) => ({
    id: entry.id,
    tokens: [
      ...terms(entry.title).map((token) => ({ token, weight: TITLE_WEIGHT })),
      ...entry.keywords.flatMap((keyword) => terms(keyword).map((token) => ({ token, weight: KEYWORD_WEIGHT }))),
      ...entry.questions.flatMap((question) => terms(question).map((token) => ({ token, weight: 1 }))),
    ],
  }));
  const index = new Bm25Index(docs);
  const aspectTokens = new Set(knowledge.aspects.flatMap((aspect) => aspect.words.flatMap(terms)));
  const corrector: TermCorrector = createTermCorrector([
    ...knowledge.domainWords.map((word) => word.word),
    ...knowledge.entries.flatMap((entry) => entry.keywords),
  ]);

  const tokenize = (normalized: string) =>
    terms(normalized).filter((token) => token.length > 1 || index.has(token) || /\d/.test(token));

  const rankOnce = (normalized: string): Omit<MatchResult, 'corrections'> => {
    const tokens = tokenize(normalized);
    const aspects = knowledge.aspects
      .filter((aspect) => aspect.words.some((word) => normalized.includes(word)))
      .map((aspect) => aspect.id);
    const aspectOnly =
      aspects.length > 0 && !tokens.some((token) => token.length > 1 && index.has(token) && !aspectTokens.has(token));
    const hits = index.search(tokens, 12);
    const best = hits[0]?.score ?? 1;
    const candidates = hits
      .map((hit) => {
        const entry = knowledge.byId.get(hit.id) as Entry;
        const bonus = aspects.includes(entry.aspect) ? ASPECT_BONUS : 0;
        return {
          entry,
          bm25: hit.score,
          coverage: hit.coverage,
          rank: 0.7 * hit.coverage + 0.3 * (hit.score / best) + bonus,
        };
      })
      .sort((a, b) => b.rank - a.rank || a.entry.id.localeCompare(b.entry.id));
    return { tokens, aspects, aspectOnly, candidates };
  };

  return {
    tokenize,
    match(normalized) {
      const first = rankOnce(normalized);
      const firstCoverage = first.candidates[0]?.coverage ?? 0;
      if (firstCoverage >= options.correctBelow) return { ...first, corrections: [] };
      const { text, corrections } = corrector(normalized);
      if (corrections.length === 0) return { ...first, corrections };
      const second = rankOnce(text);
      return (second.candidates[0]?.coverage ?? 0) > firstCoverage
        ? { ...second, corrections }
        : { ...first, corrections: [] };
    },
  };
}
