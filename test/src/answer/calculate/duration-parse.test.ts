import { describe, expect, it } from 'vitest';
import { findDurations } from '../../../../src/answer/calculate/duration-parse.js';

function span(text: string) {
  const [first] = findDurations(text);
  if (first?.kind !== 'duration') throw new Error(`${text}: ${JSON.stringify(first)}`);
  return { ...first.span, ...(first.someDays ? { someDays: true } : {}) };
}

describe('findDurations', () => {
  it.each([
    ['做了3年8个月', { years: 3, months: 8, days: 0 }],
    ['三年八个月', { years: 3, months: 8, days: 0 }],
    ['两年零三个月', { years: 2, months: 3, days: 0 }],
    ['一年半', { years: 1, months: 6, days: 0 }],
    ['半年', { years: 0, months: 6, days: 0 }],
    ['5个月29天', { years: 0, months: 5, days: 29 }],
    ['12个月', { years: 1, months: 0, days: 0 }],
    ['工作了十年', { years: 10, months: 0, days: 0 }],
    ['15天', { years: 0, months: 0, days: 15 }],
    ['5个多月', { years: 0, months: 5, days: 0, someDays: true }],
  ])('%s', (text, expected) => {
    expect(span(text)).toEqual(expected);
  });

  it('asks what "两年多" is, since the leftover months decide the count', () => {
    const [first] = findDurations('干了两年多');
    expect(first).toMatchObject({ kind: 'vague' });
    expect(first?.kind === 'vague' && first.question).toContain('2年零几个月');
  });

  it.each(['2026年3月2日', '二〇二六年', '去年', '3天前', '半年前', '月薪6000', '两个月前'])('%s is no length of time', (text) => {
    expect(findDurations(text)).toEqual([]);
  });
});
