import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../src/answer/knowledge/knowledge-base.js';
import { decide } from '../../../../src/answer/match/decide.js';
import type { Candidate } from '../../../../src/answer/match/matcher.js';

const entry = (id: string) => ({ id, title: id }) as Entry;
const candidate = (id: string, coverage: number, rank: number): Candidate => ({ entry: entry(id), coverage, rank, bm25: rank, nearest: coverage, classifier: 0, lexical: coverage, anchored: true, confidence: coverage });
const thresholds = { answer: 0.6, clarify: 0.35 };

describe('decide', () => {
  it('answers a well-covered entry with no close rival', () => {
    const decision = decide([candidate('a', 0.9, 1), candidate('b', 0.5, 0.6)], thresholds);
    expect(decision).toMatchObject({ kind: 'answer', entry: { id: 'a' } });
  });
  it('asks when rivals are too close to call', () => {
    const decision = decide([candidate('a', 0.9, 1), candidate('b', 0.88, 0.99), candidate('c', 0.2, 0.3)], thresholds);
    expect(decision.kind).toBe('clarify');
    if (decision.kind === 'clarify') expect(decision.options.map((e) => e.id)).toEqual(['a', 'b']);
  });
  it('asks when the best is only fairly covered', () => {
    expect(decide([candidate('a', 0.45, 0.8)], thresholds).kind).toBe('clarify');
  });
  it('ignores entries whose topic the question never names', () => {
    const unanchored = { ...candidate('a', 0.95, 1), anchored: false };
    expect(decide([unanchored, candidate('b', 0.7, 0.8)], thresholds)).toMatchObject({ kind: 'answer', entry: { id: 'b' } });
    expect(decide([unanchored], thresholds).kind).toBe('fallback');
  });
  it('falls back below the clarify threshold or with nothing found', () => {
    expect(decide([candidate('a', 0.2, 0.5)], thresholds).kind).toBe('fallback');
    expect(decide([], thresholds).kind).toBe('fallback');
  });
  it('asks which entry a bare topic means, unless words beyond it made the classifier sure of one', () => {
    const sure = { ...candidate('a', 1, 1), classifier: 0.97 };
    const ranked = [sure, candidate('b', 1, 0.8)];
    expect(decide(ranked, thresholds, { bare: true }).kind).toBe('clarify');
    expect(decide(ranked, thresholds, { bare: true, saysMore: true })).toMatchObject({ kind: 'answer', entry: { id: 'a' } });
    expect(decide([candidate('a', 1, 1), candidate('b', 1, 0.8)], thresholds, { bare: true, saysMore: true }).kind).toBe('clarify');
  });
});
