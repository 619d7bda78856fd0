import { describe, expect, it } from 'vitest';
import { asciiDigits, parseChineseInteger } from '../../../../src/answer/calculate/chinese-number.js';

describe('parseChineseInteger', () => {
  it.each([
    ['十五', 15], ['二十', 20], ['三十一', 31], ['两千', 2000], ['六千', 6000], ['一万二', 12_000], ['三千五', 3_500],
    ['一百二', 120], ['一万零二', 10_002], ['一万零五十', 10_050], ['一千零五十', 1_050], ['三十五万', 350_000],
    ['十二万五千', 125_000], ['两万五', 25_000], ['十万', 100_000], ['一亿二', 120_000_000], ['1万5', 15_000],
    ['12万', 120_000], ['6千', 6_000], ['5千5', 5_500], ['2026', 2026], ['二〇二六', 2026], ['十', 10], ['两', 2],
  ])('%s = %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it.each(['万', '', '十百', '元', '一二三万'])('%s is no number', (text) => {
    expect(parseChineseInteger(text)).toBeUndefined();
  });
});

describe('asciiDigits', () => {
  it('turns full-width digits and separators into ASCII, keeping length', () => {
    expect(asciiDigits('２０２６－３－２')).toBe('2026-3-2');
  });
});
