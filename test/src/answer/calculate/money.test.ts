import { describe, expect, it } from 'vitest';
import { compareRatio, decimalRatio, formatYuan, ratio, roundToFen, times, yuanToFen } from '../../../../src/answer/calculate/money.js';
import { findMoney, parseMoney } from '../../../../src/answer/calculate/money-parse.js';

describe('exact money', () => {
  it('rounds a fraction of fen once, half up', () => {
    expect(roundToFen(ratio(5, 2))).toBe(3);
    expect(roundToFen(ratio(49, 10))).toBe(5);
    expect(roundToFen(ratio(44, 10))).toBe(4);
  });

  it('holds 0.1 + 0.2 exactly where a float cannot', () => {
    const sum = ratio(decimalRatio('0.1')!.num * 3n, 10n);
    expect(compareRatio(sum, decimalRatio('0.3')!)).toBe(0);
    expect(roundToFen(times(decimalRatio('2.5')!, ratio(1, 100)))).toBe(0);
  });

  it('converts yuan written as numbers or decimal strings, refusing what is not whole fen', () => {
    expect(yuanToFen(6000)).toBe(600_000);
    expect(yuanToFen('7012.50')).toBe(701_250);
    expect(yuanToFen('0.125')).toBeUndefined();
    expect(yuanToFen(0.1)).toBeUndefined();
  });

  it('formats grouped yuan, fen only when present', () => {
    expect(formatYuan(4_800_000)).toBe('48,000元');
    expect(formatYuan(5_863)).toBe('58.63元');
    expect(formatYuan(50)).toBe('0.50元');
    expect(formatYuan(1_000)).toBe('10元');
  });
});

describe('parseMoney', () => {
  it.each([
    ['6000', 6000], ['6,000元', 6000], ['6千', 6000], ['六千元', 6000], ['0.6万', 6000], ['5k', 5000], ['5K', 5000],
    ['一万二', 12_000], ['1.2万', 12_000], ['1万5', 15_000], ['5千5', 5500], ['两万五千块', 25_000], ['10万', 100_000],
    ['100,000元', 100_000], ['月薪6000', 6000], ['工资五千', 5000], ['欠我50块', 50], ['3w', 30_000], ['5000.50元', '5000.50'],
    ['１２０００元', 12_000],
  ] as Array<[string, number | string]>)('%s = %s yuan', (text, yuan) => {
    expect(parseMoney(text)).toBe(yuanToFen(yuan));
  });

  it.each(['做了3年8个月', '2026-3-2', '2026年3月2日', '干了十五天', '第二百零一条', '50', '3.5', '一个月', '二〇二六年'])('%s is no money', (text) => {
    expect(findMoney(text)).toEqual([]);
  });

  it('finds each amount once, with where it stands', () => {
    const found = findMoney('月薪6000，公司欠我一万二');
    expect(found.map(({ fen, text }) => [fen, text])).toEqual([
      [600_000, '6000'],
      [1_200_000, '一万二'],
    ]);
  });
});
