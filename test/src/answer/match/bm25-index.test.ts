import { describe, expect, it } from 'vitest';
import { Bm25Index } from '../../../../src/answer/match/bm25-index.js';

const doc = (id: string, words: string) => ({ id, tokens: words.split(' ').map((token) => ({ token, weight: 1 })) });

describe('Bm25Index', () => {
  const index = new Bm25Index([
    doc('aid-where', '法律援助 哪里 申请 窗口'),
    doc('aid-cost', '法律援助 收费 免费 钱'),
    doc('wages', '工资 拖欠 老板 讨薪'),
  ]);

  it('ranks the document sharing the rarer terms first', () => {
    expect(index.search(['法律援助', '收费']).map((hit) => hit.id)).toEqual(['aid-cost', 'aid-where']);
  });
  it('reports the share of the query IDF weight each document covers', () => {
    const [top, second] = index.search(['法律援助', '收费']);
    expect(top?.coverage).toBeCloseTo(1);
    expect(second?.coverage).toBeGreaterThan(0);
    expect(second?.coverage).toBeLessThan(0.5);
  });
  it('counts unknown terms as the rarest, lowering coverage', () => {
    const [hit] = index.search(['工资', '天气']);
    expect(hit?.id).toBe('wages');
    expect(hit?.coverage).toBeLessThan(0.5);
  });
  it('returns nothing for an empty query', () => {
    expect(index.search([])).toEqual([]);
  });
});
