/**
 * Turns ranked candidates into a decision with two thresholds: answer when the best entry
 * covers enough of the question and nothing else is close; ask when a few are close or the
 * best is only fairly covered; otherwise say so honestly (fallback).
 */
import type { Entry } from '../knowledge/knowledge-base.js';
import type { Candidate } from './matcher.js';

export interface Thresholds {
  /** Confidence at or above which the best entry may be answered outright. */
  answer: number;
  /** Confidence below which nothing is offered. */
  clarify: number;
}

/**
 * Why a decision was taken, as a stable code: `no-candidate` (no entry shares a word),
 * `no-anchor` (entries share words but none names its topic), `low-confidence`,
 * `bare-topic` (a topic named alone), `close-rivals`, `middle-band` (fairly covered), `confident`.
 */
export type DecisionReason =
  | 'no-candidate'
  | 'no-anchor'
  | 'low-confidence'
  | 'bare-topic'
  | 'close-rivals'
  | 'middle-band'
  | 'confident';

export type Decision =
  | { kind: 'answer'; entry: Entry; confidence: number; reason: 'confident' }
  | { kind: 'clarify'; options: Entry[]; confidence: number; reason: 'bare-topic' | 'close-rivals' | 'middle-band' }
  | { kind: 'fallback'; confidence: number; closest?: Entry; reason: 'no-candidate' | 'no-anchor' | 'low-confidence' };

/** Candidates ranked within this of the best are "too close to call". */
export const CLOSE_MARGIN = 0.02;
/** Coverage that counts as "holds every word of the question". */
const FULL_COVERAGE = 0.999;
/**
 * A bare topic is still answered when the classifier is this sure of one entry: the words around
 * the topic word, which BM25 drops as stopwords, told it ("我想找律师" is finding one).
 */
const SURE_OF_BARE = 0.95;
/** Most options a clarify question lists. */
export const MAX_OPTIONS = 3;

/** Decides what to do with the ranked candidates (best first). */
export function decide(
  ranked: readonly Candidate[],
  thresholds: Thresholds,
  question: { bare: boolean; saysMore?: boolean } = { bare: false },
): Decision {
  // An entry whose topic the question never names is a coincidence of words, not a match.
  const candidates = ranked.filter((candidate) => candidate.anchored);
  const top = candidates[0];
  if (!top || top.confidence < thresholds.clarify) {
    const reason = top ? 'low-confidence' : ranked.length > 0 ? 'no-anchor' : 'no-candidate';
    return { kind: 'fallback', confidence: top?.confidence ?? 0, closest: top?.entry ?? ranked[0]?.entry, reason };
  }
  const close = candidates
    .filter((candidate) => candidate.rank >= top.rank - CLOSE_MARGIN && candidate.confidence >= thresholds.clarify)
    .slice(0, MAX_OPTIONS);
  // "法律援助" alone: several entries hold every word and nothing says which aspect is meant.
  const fullyCovered = candidates.filter((candidate) => candidate.coverage >= FULL_COVERAGE);
  const sureOfOne = question.saysMore === true && top.classifier >= SURE_OF_BARE;
  if (question.bare && fullyCovered.length > 1 && top.coverage >= FULL_COVERAGE && !sureOfOne) {
    const options = fullyCovered.slice(0, MAX_OPTIONS).map((c) => c.entry);
    return { kind: 'clarify', options, confidence: top.confidence, reason: 'bare-topic' };
  }
  if (top.confidence >= thresholds.answer && close.length === 1) {
    return { kind: 'answer', entry: top.entry, confidence: top.confidence, reason: 'confident' };
  }
  const options =
    close.length > 1
      ? close
      : candidates.filter((candidate) => candidate.confidence >= thresholds.clarify).slice(0, MAX_OPTIONS);
  return {
    kind: 'clarify',
    options: options.map((candidate) => candidate.entry),
    confidence: top.confidence,
    reason: close.length > 1 ? 'close-rivals' : 'middle-band',
  };
}
