/**
 * What the matcher returns, and how its two signals are fused: the types shared by the
 * matcher, the decision and the staff views.
 */
import type { Entry } from '../knowledge/knowledge-base.js';
import type { Correction } from '../read/correct-terms.js';
import { DEFAULT_CLASSIFIER, type ClassifierOptions } from './classifier.js';

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
  /**
   * True when the question names the entry's topic: it shares a word (or holds a cue phrase)
   * that characterizes it, or, for a problem, the classifier is sure of it (`anchoredBy`).
   */
  anchored: boolean;
  anchoredBy?: 'word' | 'classifier';
  /** The classifier's posterior probability of this entry, in [0, 1]. */
  classifier: number;
  /** Coverage blended with the nearest-question overlap: the words the question shares. */
  lexical: number;
  /** What the thresholds are applied to: coverage and the nearest-question overlap, blended with the classifier. */
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
  /** The classifier's posterior that this is a question to decline (out-of-scope.yaml), in [0, 1]. */
  declined: number;
}

export interface Matcher {
  match(normalized: string): MatchResult;
  /** Query tokens as the matcher uses them. */
  tokenize(normalized: string): string[];
}

/**
 * How the two signals are fused, chosen by measurement on the gold and dev sets (regression
 * sets; see README "Matching"). The classifier adds to the ranking key and to the confidence
 * in proportion to the share of the question's features it knows.
 */
export interface MatchTuning {
  /** Weight of the classifier's posterior in the ranking key. */
  classifierRank: number;
  /** Share of the confidence given to the classifier (times the known share of features). */
  classifierConfidence: number;
  /** Entries the classifier may add as candidates beyond BM25's, and the least posterior to do so. */
  classifierCandidates: number;
  classifierFloor: number;
  /** How much the decline class's posterior shrinks every entry's confidence, in [0, 1]. */
  declineWeight: number;
  /**
   * Posterior at or above which the classifier alone names a problem: a story told in other
   * words than the cues ("被优化了", "借了我五万") still names its situation.
   */
  classifierAnchor: number;
  /** …when it knows at least this share of the question's features (few known features make it overconfident). */
  classifierAnchorKnown: number;
  /** Ranking penalty of a problem when the question asks one aspect (where, cost, materials…). */
  problemAspectPenalty: number;
  classifier: ClassifierOptions;
}

export const DEFAULT_TUNING: MatchTuning = {
  classifierRank: 0.3,
  classifierConfidence: 0.4,
  classifierCandidates: 3,
  classifierFloor: 0.05,
  declineWeight: 0.8,
  classifierAnchor: 0.9,
  classifierAnchorKnown: 0.5,
  problemAspectPenalty: 0.1,
  classifier: DEFAULT_CLASSIFIER,
};
