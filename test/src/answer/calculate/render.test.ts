import { describe, expect, it } from 'vitest';
import { citationsText, renderCalculation } from '../../../../src/answer/calculate/render.js';
import type { CalcResult } from '../../../../src/answer/calculate/result.js';

const found: CalcResult = {
  kind: 'result',
  calculation: 'unlawful-termination',
  title: '违法解除劳动合同的赔偿金（2N）',
  figure: { label: '赔偿金', text: '48,000元', fen: 4_800_000 },
  how: '工作3年8个月，按4个月工资计算。',
  articles: [
    { law: '中华人民共和国劳动合同法', article: '第八十七条' },
    { law: '中华人民共和国劳动合同法', article: '第四十七条' },
    { law: '中华人民共和国劳动合同法实施条例', article: '第二十七条' },
  ],
  changes: ['如果解除是合法的……'],
  assumptions: ['把您说的月工资当作平均工资'],
  notes: ['还没有录入平均工资'],
  inputs: [],
};

describe('renderCalculation', () => {
  it('puts the figure first, then how, the articles, assumptions, cautions and what would change it', () => {
    const lines = renderCalculation(found).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '违法解除劳动合同的赔偿金（2N）',
      '赔偿金：48,000元',
      '怎么算的：工作3年8个月，按4个月工资计算。',
      '依据：《劳动合同法》第八十七条、第四十七条；《劳动合同法实施条例》第二十七条',
    ]);
    expect(lines).toContain('注意：还没有录入平均工资');
    expect(lines).toContain('· 如果解除是合法的……');
  });

  it('renders a question or a refusal as its one sentence', () => {
    expect(renderCalculation({ kind: 'ask', calculation: 'x', title: 'x', missing: 'wage', question: '月工资多少？', inputs: [] })).toBe('月工资多少？');
    expect(renderCalculation({ kind: 'refuse', calculation: 'x', title: 'x', reason: 'order', message: '请核对。', inputs: [] })).toBe('请核对。');
  });

  it('groups articles by law', () => {
    expect(citationsText([{ law: '中华人民共和国民法典', article: '第一百八十八条' }, { law: '中华人民共和国民法典', article: '第一百九十五条' }])).toBe('《民法典》第一百八十八条、第一百九十五条');
  });
});
