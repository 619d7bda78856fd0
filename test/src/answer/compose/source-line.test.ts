import { describe, expect, it } from 'vitest';
import { formatSourceLine } from '../../../../src/answer/compose/source-line.js';

describe('source line', () => {
  it('gives each source once and the articles of one law together, in the order first cited', () => {
    const line = formatSourceLine(
      '来源:',
      [
        { kind: 'hotline', ref: '报警电话110' },
        { kind: 'law', ref: '《中华人民共和国反家庭暴力法》第十三条', quote: 'a' },
        { kind: 'report', ref: '二(五)2', quote: 'b' },
        { kind: 'law', ref: '《中华人民共和国反家庭暴力法》第二十三条', quote: 'c' },
        { kind: 'law', ref: '《中华人民共和国反家庭暴力法》第十三条', quote: 'd' },
        { kind: 'law', ref: '《中华人民共和国行政复议法》(2023年修订)第二十条', quote: 'e' },
        { kind: 'report', ref: '二(五)2', quote: 'f' },
      ],
      '《报告》',
    );
    expect(line).toBe(
      '来源:报警电话110;《中华人民共和国反家庭暴力法》第十三、二十三条;《报告》二(五)2;《中华人民共和国行政复议法》(2023年修订)第二十条',
    );
  });
});
