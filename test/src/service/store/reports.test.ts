/**
 * The engine-free part of the reports: the grouping key of `review` and the fallback rate.
 * What the engines read back is the store contract (store-contract.ts).
 */
import { describe, expect, it } from 'vitest';
import { fallbackRate, groupKey } from '../../../../src/service/store/reports.js';

describe('review grouping', () => {
  it('groups alike questions (width, case, script, spacing, punctuation, emoji) and counts them', () => {
    expect(groupKey('离婚 怎么办?')).toBe(groupKey('離婚怎麼辦?!😢'));
    expect(groupKey('ＡＢＣ离婚')).toBe(groupKey('abc 离婚'));
    expect(groupKey('离婚怎么办')).not.toBe(groupKey('结婚怎么办'));
  });
});

describe('fallback rate', () => {
  it('is fallback among answer, clarify and fallback; undefined without questions', () => {
    expect(fallbackRate({ answer: 3, fallback: 1, menu: 4 })).toBe(0.25);
    expect(fallbackRate({ menu: 3 })).toBeUndefined();
  });
});
