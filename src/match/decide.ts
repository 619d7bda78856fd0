/**
 * Turns ranked candidates into a decision with two thresholds: answer when the best entry
 * covers enough of the question and nothing else is close; ask when a few are close or the
 * best is only fairly covered; otherwise say so honestly (fallback).
 */
import type { Entry } from '../knowledge/knowledge-base.js';
import type { Candidate } from './matcher.js';

export interface Thresholds {
  /** Coverage at or above which the best entry may be answered outright. */
  answer: number;
  /** Coverage below which nothing is offered. */
  clarify: number;
}

export type Decision =
  | { kind: 'answer'; entry: Entry; confidence: number }
  | { kind: 'clarify'; options: Entry[]; confidence: number }
  | { kind: 'fallback'; confidence: number; closest?: Entry };

/** Candidates ranked within this of the best are "too close to call". */
export const CLOSE_MARGIN = 0.06;
/** Most options a clarify question lists. */
export const MAX_OPTIONS = 3;

/** Decides what to do with the ranked candidates (best first). */
export function decide(ranked: readonly Candidate[], thresholds: Thresholds): Decision {
  // An entry whose topic the question never names is a coincidence of words, not a match.
  const candidates = ranked.filter((candidate) => candidate.anchored);
  const top = candidates[0];
  if (!top || top.coverage < thresholds.clarify) {
    return { kind: 'fallback', confidence: top?.coverage ?? 0, closest: top?.entry ?? ranked[0]?.entry };
  }
  const close = candidates
    .filter((candidate) => candidate.rank >= top.rank - CLOSE_MARGIN && candidate.coverage >= thresholds.clarify)
    .slice(0, MAX_OPTIONS);
  if (top.coverage >= thresholds.answer && close.length === 1) {
    return { kind: 'answer', entry: top.entry, confidence: top.coverage };
  }
  const options =
    close.length > 1
      ? close
      : candidates.filter((candidate) => candidate.coverage >= thresholds.clarify).slice(0, MAX_OPTIONS);
  return { kind: 'clarify', options: options.map((candidate) => candidate.entry), confidence: top.coverage };
}
