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
const WORD = /[\p{L}\p{N}]/u;

/** Builds the index over titles, sample questions and keywords of every entry. */
export function createMatcher(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  options: { correctBelow: number; normalize: (text: string) => string },
): Matcher {
  const { stopwords } = knowledge;
  const terms = (text: string) =>
    segmenter.cutForSearch(text).filter((token) => WORD.test(token) && !stopwords.has(token));
  // Index text goes through the same normalizer as questions, so both sides meet in one form.
  const indexTerms = (text: string) => terms(options.normalize(text));

  const docs: IndexInput[] = knowledge.entries.map((entry) => ({
    id: entry.id,
    tokens: [
      ...indexTerms(entry.title).map((token) => ({ token, weight: TITLE_WEIGHT })),
      ...entry.keywords.flatMap((keyword) => indexTerms(keyword).map((token) => ({ token, weight: KEYWORD_WEIGHT }))),
      ...entry.questions.flatMap((question) => indexTerms(question).map((token) => ({ token, weight: 1 }))),
    ],
  }));
  const index = new Bm25Index(docs);
  const samples = new Map(
    knowledge.entries.map((entry) => [
      entry.id,
      [entry.title, ...entry.questions].map((question) => new Set(indexTerms(question))),
    ]),
  );
  const nearest = (entryId: string, query: Set<string>) => {
    let best = 0;
    for (const sample of samples.get(entryId) ?? []) {
      let shared = 0;
      let union = 0;
      for (const token of query) {
        const weight = index.idf(token);
        union += weight;
        if (sample.has(token)) shared += weight;
      }
      for (const token of sample) if (!query.has(token)) union += index.idf(token);
      if (union > 0 && shared / union > best) best = shared / union;
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
      aspects.length > 0 && tokenize(withoutAspectWords(normalized)).every((token) => token.length === 1);
    // A long story is mostly narrative the knowledge base never needs: its unknown words count less.
    const hits = index.search(tokens, 12, normalized.length > LONG_MESSAGE ? LONG_UNKNOWN_WEIGHT : 1);
    const best = hits[0]?.score ?? 1;
    const query = new Set(tokens);
    const candidates = hits
      .map((hit) => {
        const entry = knowledge.byId.get(hit.id) as Entry;
        const bonus = aspects.includes(entry.aspect) ? ASPECT_BONUS : 0;
        const near = nearest(hit.id, query);
        return {
          entry,
          bm25: hit.score,
          coverage: hit.coverage,
          nearest: near,
          anchored: tokens.some((token) => anchors.get(entry.topic)?.has(token)),
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
    const whole = rankOnce(normalized);
    if (normalized.length <= LONG_MESSAGE) return whole;
    const tail = rankOnce(lastClauses(normalized, TAIL_CHARS));
    return bestConfidence(tail) > bestConfidence(whole) ? tail : whole;
  };

  return {
    tokenize,
    match(normalized) {
      const first = rankMessage(normalized);
      const firstConfidence = bestConfidence(first);
      if (firstConfidence >= options.correctBelow) return { ...first, corrections: [] };
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

/** A word found in at least this share of a topic's sample questions characterizes it. */
const ANCHOR_SHARE = 0.25;

/**
 * Words that characterize each topic: its title's words, its entries' keywords, and words
 * common to its sample questions, minus aspect words. A question that shares none of them
 * with the best entry's topic is about something else ("南华寺几点开门" matching only
 * "几点" and "开门" of the window's opening-hours question).
 */
function topicAnchors(
  knowledge: KnowledgeBase,
  indexTerms: (text: string) => string[],
  aspectWords: ReadonlySet<string>,
): Map<string, Set<string>> {
  const anchors = new Map<string, Set<string>>();
  for (const topic of knowledge.topics) {
    const entries = knowledge.entries.filter((entry) => entry.topic === topic.id);
    const questions = entries.flatMap((entry) => entry.questions.map((question) => new Set(indexTerms(question))));
    const frequency = new Map<string, number>();
    for (const question of questions) for (const token of question) frequency.set(token, (frequency.get(token) ?? 0) + 1);
    const title = new Set(indexTerms(topic.title));
    const words = new Set([...title, ...entries.flatMap((entry) => entry.keywords.flatMap(indexTerms))]);
    for (const [token, count] of frequency) if (count / questions.length >= ANCHOR_SHARE) words.add(token);
    // An aspect word names a topic only where the topic is about it (热线 for the hotlines).
    for (const word of words) if (word.length < 2 || (aspectWords.has(word) && !title.has(word))) words.delete(word);
    anchors.set(topic.id, words);
  }
  return anchors;
}
