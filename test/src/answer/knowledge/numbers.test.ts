import { describe, expect, it } from 'vitest';
import { chineseValue, findFigures, findNumbers, normalizeNumerals, sameNumber } from '../../../../src/answer/knowledge/numbers.js';

const values = (text: string) => findNumbers(text).map((n) => `${n.value}${n.unit ? `/${n.unit}` : ''}`);

describe('numbers in any script', () => {
  it('reads Chinese numerals of any length', () => {
    expect(chineseValue('七')).toBe(7);
    expect(chineseValue('十五')).toBe(15);
    expect(chineseValue('六十')).toBe(60);
    expect(chineseValue('两千')).toBe(2000);
    expect(chineseValue('一百零三')).toBe(103);
    expect(chineseValue('三千零五十四万')).toBe(30_540_000);
    expect(chineseValue('二〇二三')).toBe(2023);
    expect(chineseValue('一亿两千万')).toBe(120_000_000);
  });

  it('finds Arabic, full-width and Chinese numbers with what they count', () => {
    expect(values('自收到申请之日起七日内审查')).toEqual(['7/d']);
    expect(values('六十日内提出,最长不超过一年,六个月内起诉')).toEqual(['60/d', '1/y', '6/m']);
    expect(values('追回被拖欠工资2747.97万元')).toEqual(['27479700']);
    expect(values('纠错率46.7%,百分之九十九')).toEqual(['46.7/pct', '99/pct']);
    expect(values('处三千元以下罚款')).toEqual(['3000']);
    expect(findNumbers('电话０７５１')[0]).toMatchObject({ raw: '０７５１', digits: '0751' });
  });

  it('compares numbers as numbers: 274 is not in 2747.97, 60天 is 六十日', () => {
    const [source] = findNumbers('追回被拖欠工资2747.97万元');
    const [said] = findNumbers('追回274万元');
    expect(sameNumber(said!, source!)).toBe(false);
    expect(sameNumber(findNumbers('60天')[0]!, findNumbers('六十日')[0]!)).toBe(true);
    expect(sameNumber(findNumbers('一年')[0]!, findNumbers('1个个人调解室')[0]!)).toBe(false);
  });

  it('leaves out list markers, what to type, idioms and the article 一', () => {
    const text = '可以这样做:\n1. 拨打电话;\n2. 一般先协商,(一)带上材料。\n有用回复1,没用回复0;找一个人陪着。';
    expect(findFigures(text)).toEqual([]);
    expect(findFigures('一年内申请').map((n) => n.raw)).toEqual(['一']);
    expect(findFigures('两个月内').map((n) => n.value)).toEqual(['2']);
  });
});

describe('numbers compared after normalisation (issue 25 item 9)', () => {
  it('一万, 10000, 1万, １万 and 10,000 are the same number', () => {
    const [first, ...others] = ['一万', '10000', '1万', '１万', '10,000'].map((text) => findNumbers(`${text}元`)[0]!);
    for (const other of others) expect(sameNumber(first!, other), other.raw).toBe(true);
    expect(sameNumber(findNumbers('一万元')[0]!, findNumbers('1000元')[0]!)).toBe(false);
  });

  it('writes years and dates in any script in Arabic digits, for comparing', () => {
    expect(normalizeNumerals('二〇二三年以来')).toBe('2023年以来');
    expect(normalizeNumerals('２０２３年以来')).toBe('2023年以来');
    expect(normalizeNumerals('截至二〇二三年十二月三十一日')).toBe('截至2023年12月31日');
    expect(normalizeNumerals('一般不超过一定期限')).toBe('一般不超过一定期限');
  });
});
