import { describe, expect, it } from 'vitest';
import { caseKey, compare, tolerance } from '../../../src/eval/ratchet.js';

describe('the ratchet', () => {
  it('keys a case by its text, a dialogue turn by its dialogue and place too', () => {
    expect(caseKey('工资被拖欠找谁')).toBe(caseKey('工资被拖欠找谁'));
    expect(caseKey('收费吗', { name: 'a', turn: 2 })).not.toBe(caseKey('收费吗', { name: 'b', turn: 2 }));
  });

  it('lists what was lost and gained, and counts the net loss against 1% of the set (at least one)', () => {
    const flips = compare(['a', 'b', 'c'], ['b', 'c', 'd', 'e'], 300);
    expect(flips).toEqual({ lost: ['a'], gained: ['d', 'e'], net: -1, tolerance: 3 });
    expect(compare(['a', 'b', 'c'], ['c'], 50).net).toBe(2);
    expect(tolerance(50)).toBe(1);
    expect(compare(undefined, ['a'], 10).net).toBe(0);
  });
});
