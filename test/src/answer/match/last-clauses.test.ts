import { describe, expect, it } from 'vitest';
import { lastClauses } from '../../../../src/answer/match/last-clauses.js';

describe('a long message\'s closing question', () => {
  it('is its last clauses, at least the characters asked for', () => {
    expect(lastClauses('我在厂里做了三年,老板拖着工资不给,电话也不接,我该找谁', 10)).toBe('电话也不接,我该找谁');
    expect(lastClauses('短句,我该找谁', 30)).toBe('短句,我该找谁');
  });
  it('is the last characters of a run-on clause that voice input leaves without punctuation', () => {
    const runOn = '嗯就是我在外地厂里做了一年多回来以后老板那边一直拖着工资不给我该找谁';
    expect(lastClauses(runOn, 12)).toBe(runOn.slice(-12));
    expect(lastClauses(`前面说了很多,${runOn}`, 12)).toBe(runOn.slice(-12));
  });
});
