import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../src/answer/knowledge/knowledge-base.js';
import type { MatchResult } from '../../../../src/answer/match/matcher.js';
import { sameTopic } from '../../../../src/pipeline/steps/follow-up.js';

const candidate = (id: string, rank: number, confidence: number, anchored = true) =>
  ({ entry: { id, topic: id.split('.')[0] } as Entry, rank, confidence, anchored }) as MatchResult['candidates'][number];
const match = (...candidates: MatchResult['candidates']) => ({ candidates }) as MatchResult;

describe('a follow-up opened with 那 / 还有 keeps to the topic at hand', () => {
  it('when an entry of that topic ranks within the margin of the best and is sure enough', () => {
    const result = match(candidate('court.services', 1.2, 0.8), candidate('online.services', 1.0, 0.5));
    expect(sameTopic(result, 'online', 0.3)?.entry.id).toBe('online.services');
  });
  it('not when it ranks far below, is unsure, or does not name its topic', () => {
    expect(sameTopic(match(candidate('court.services', 1.3, 0.8), candidate('online.services', 0.9, 0.5)), 'online', 0.3)).toBeUndefined();
    expect(sameTopic(match(candidate('court.services', 1.2, 0.8), candidate('online.services', 1.1, 0.2)), 'online', 0.3)).toBeUndefined();
    expect(sameTopic(match(candidate('court.services', 1.2, 0.8), candidate('online.services', 1.1, 0.5, false)), 'online', 0.3)).toBeUndefined();
  });
  it('not without a topic at hand, nor when the best is of that topic already', () => {
    const result = match(candidate('court.services', 1.2, 0.8), candidate('online.services', 1.0, 0.5));
    expect(sameTopic(result, undefined, 0.3)).toBeUndefined();
    expect(sameTopic(result, 'court', 0.3)).toBeUndefined();
  });
});
