/**
 * Finds the knowledge entries closest to a normalized question: segment (search mode),
 * drop stopwords, rank with BM25, score confidence as covered IDF share, and favour the
 * entries whose aspect the question names. Typo correction runs only when the first pass
 * is unsure, so a confident question is never rewritten.
 */
import type { Entry, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Segmenter } from '../segment/segmenter.js';
import { createTermCorrector, type Correction, type TermCorrector } from '../text/correct-terms.js';
import { anchorKey, topicAnchors } from './topic-anchors.js';
import { Bm25Index, type IndexInput } from './bm25-index.js';

/** One ranked entry. */
export interface Candidate {
  entry: Entry;
  /** Raw BM25 score. */
  bm25: number;
  /** Share of the question's IDF weight this entry covers, in [0, 1]. */
  coverage: number;
  /** IDF-weighted Jaccard similarity to the closest single sample question, in [0, 1]. */
  nearest: number;
  /** The ordering key: coverage, nearest sample question, BM25 relative to the best, aspect agreement. */
  rank: number;
  /** True when the question shares a word that characterizes the entry's topic (see anchors). */
  anchored: boolean;
  /** What the thresholds are applied to: coverage blended with the nearest-question overlap. */
  confidence: number;
}

/** Everything the matcher saw and decided, for the pipeline and the staff `why` view. */
export interface MatchResult {
  /** The text matched: the message, its closing question, or its corrected form. */
  question: string;
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
const ASPECT_BONUS = 0.2;
/** Shares of the ranking key; tuned on the gold set, see `legal-bot why` for the parts. */
const WEIGHTS = { coverage: 0.45, nearest: 0.35, bm25: 0.2 };
/** Share of the nearest-question overlap in the confidence; the rest is coverage. */
const CONFIDENCE_NEAREST = 0.4;
/** Messages longer than this are also matched on their last clauses, where the question usually is. */
const LONG_MESSAGE = 40;
const TAIL_CHARS = 30;
const LONG_UNKNOWN_WEIGHT = 0.3;
/** A follow-up naming only an aspect is short ("那要带什么材料呢?"); longer text is a question of its own. */
const FOLLOW_UP_CHARS = 16;
const WORD = /[\p{L}\p{N}]/u;
/** Phone, ID and card numbers say nothing about what is asked (hotlines have 3–5 digits). */
const LONG_NUMBER = /^\d{6,}$/;

/** Builds the index over titles, sample questions and keywords of every entry. */
export function createMatcher(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  options: { correctBelow: number; normalize: (text: string) => string },
): Matcher {
  const { stopwords } = knowledge;
  const terms = (text: string) =>
    segmenter
      .cutForSearch(text)
      .filter((token) => WORD.test(token) && !stopwords.has(token) && !LONG_NUMBER.test(token));
  // Index text goes through the same normalizer as questions, so both sides meet in one form.
  const memo = new Map<string, string[]>();
  const indexTerms = (text: string) => {
    let out = memo.get(text);
    if (!out) memo.set(text, (out = terms(options.normalize(text))));
    return out;
  };

  const docs: IndexInput[] = knowledge.entries.map((entry) => ({
    id: entry.id,
    tokens: [
      ...indexTerms(entry.title).map((token) => ({ token, weight: TITLE_WEIGHT })),
      ...entry.keywords.flatMap((keyword) => indexTerms(keyword).map((token) => ({ token, weight: KEYWORD_WEIGHT }))),
      ...entry.questions.flatMap((question) => indexTerms(question).map((token) => ({ token, weight: 1 }))),
    ],
  }));
  const index = new Bm25Index(docs);
  /** Per entry: which of its samples (title + questions; bit i of a word) hold each token, and each sample's IDF total. */
  const samples = new Map(
    knowledge.entries.map((entry) => {
      const masks = new Map<string, number>();
      const texts = [entry.title, ...entry.questions].slice(0, 31);
      const totals = new Float64Array(texts.length);
      texts.forEach((text, i) => {
        for (const token of new Set(indexTerms(text))) {
          masks.set(token, (masks.get(token) ?? 0) | (1 << i));
          totals[i] = (totals[i] ?? 0) + index.idf(token);
        }
      });
      return [entry.id, { masks, totals }];
    }),
  );
  const shared = new Float64Array(32);
  /** IDF-weighted Jaccard of the query to the closest sample: shared / (query + sample - shared). */
  const nearest = (entryId: string, query: ReadonlyMap<string, number>, queryTotal: number) => {
    const entry = samples.get(entryId);
    if (!entry) return 0;
    shared.fill(0, 0, entry.totals.length);
    for (const [token, weight] of query) {
      let mask = entry.masks.get(token) ?? 0;
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
  const aspectWords = knowledge.aspects.map((aspect) => ({ id: aspect.id, words: aspect.words.map(options.normalize) }));
  const allAspectWords = [...new Set(aspectWords.flatMap((aspect) => aspect.words))].sort((a, b) => b.length - a.length);
  /** What is left of a question once its aspect words are taken out ("要带什么材料" → "要"). */
  const withoutAspectWords = (normalized: string) =>
    allAspectWords.reduce((rest, word) => rest.split(word).join(' '), normalized);
  const anchors = topicAnchors(knowledge, indexTerms, new Set(aspectWords.flatMap((aspect) => aspect.words)));
  const corrector: TermCorrector = createTermCorrector([
    ...knowledge.domainWords.map((word) => word.word),
    ...knowledge.entries.flatMap((entry) => entry.keywords),
  ]);

  /**
   * Query tokens in search mode, minus unknown parts of longer words: 七十多 / 七十 / 十多 are
   * one unknown idea, not three, so unknown words do not weigh several times.
   */
  const tokenize = (normalized: string) => {
    const raw = terms(normalized).filter((token) => token.length > 1 || index.has(token) || /\d/.test(token));
    return raw.filter(
      (token) =>
        index.has(token) ||
        !raw.some((other) => other !== token && other.length > token.length && other.includes(token)),
    );
  };

  const rankOnce = (normalized: string): Omit<MatchResult, 'corrections'> => {
    const tokens = tokenize(normalized);
    const aspects = aspectWords
      .filter((aspect) => aspect.words.some((word) => normalized.includes(word)))
      .map((aspect) => aspect.id);
    const aspectOnly =
      aspects.length > 0 &&
      normalized.length <= FOLLOW_UP_CHARS &&
      tokenize(withoutAspectWords(normalized)).every((token) => token.length === 1);
    // A long story is mostly narrative the knowledge base never needs: its unknown words count less.
    const hits = index.search(tokens, 12, normalized.length > LONG_MESSAGE ? LONG_UNKNOWN_WEIGHT : 1);
    const best = hits[0]?.score ?? 1;
    const query = new Map(tokens.map((token) => [token, index.idf(token)]));
    let queryTotal = 0;
    for (const weight of query.values()) queryTotal += weight;
    const candidates = hits
      .map((hit) => {
        const entry = knowledge.byId.get(hit.id) as Entry;
        const bonus = aspects.includes(entry.aspect) ? ASPECT_BONUS : 0;
        const near = nearest(hit.id, query, queryTotal);
        return {
          entry,
          bm25: hit.score,
          coverage: hit.coverage,
          nearest: near,
          anchored: tokens.some((token) => anchors.get(anchorKey(entry))?.has(token)),
          confidence: (1 - CONFIDENCE_NEAREST) * hit.coverage + CONFIDENCE_NEAREST * near,
          rank: WEIGHTS.coverage * hit.coverage + WEIGHTS.nearest * near + WEIGHTS.bm25 * (hit.score / best) + bonus,
        };
      })
      .sort((a, b) => b.rank - a.rank || a.entry.id.localeCompare(b.entry.id));
    return { question: normalized, tokens, aspects, aspectOnly, candidates };
  };

  const bestConfidence = (result: Omit<MatchResult, 'corrections'>) =>
    result.candidates.find((candidate) => candidate.anchored)?.confidence ?? 0;

  /** The whole message, or for a long story its closing question when that reads clearer. */
  const rankMessage = (normalized: string) => {
    if (normalized.length <= LONG_MESSAGE) return rankOnce(normalized);
    // The closing question usually suffices; the whole story is read only when it does not.
    const tail = rankOnce(lastClauses(normalized, TAIL_CHARS));
    if (bestConfidence(tail) >= options.correctBelow) return tail;
    const whole = rankOnce(normalized);
    return bestConfidence(tail) > bestConfidence(whole) ? tail : whole;
  };

  return {
    tokenize,
    match(normalized) {
      const first = rankMessage(normalized);
      const firstConfidence = bestConfidence(first);
      // A long story is not rescued by fixing one typo, and correcting it costs the most there.
      if (firstConfidence >= options.correctBelow || normalized.length > LONG_MESSAGE) return { ...first, corrections: [] };
      const { text, corrections } = corrector(normalized);
      if (corrections.length === 0) return { ...first, corrections };
      const second = rankMessage(text);
      return bestConfidence(second) > firstConfidence
        ? { ...second, corrections }
        : { ...first, corrections: [] };
    },
  };
}

/** The last clauses of a text, at least `chars` characters when the text has them. */
function lastClauses(text: string, chars: number): string {
  const clauses = text.split(/(?<=[,.!?;。])/u).filter((clause) => /[\p{L}\p{N}]/u.test(clause));
  let tail = '';
  for (let i = clauses.length - 1; i >= 0 && tail.length < chars; i -= 1) tail = `${clauses[i]}${tail}`;
  return tail;
}
