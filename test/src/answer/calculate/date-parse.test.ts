import { describe, expect, it } from 'vitest';
import { findDates, parseChineseDate, type DateMention } from '../../../../src/answer/calculate/date-parse.js';
import { formatIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';

const today: CivilDate = { year: 2026, month: 12, day: 8 };

function read(text: string, past = true): DateMention {
  const mention = parseChineseDate(text, today, { past });
  if (!mention) throw new Error(`no date in ${text}`);
  return mention;
}

function day(text: string, past = true): string {
  const mention = read(text, past);
  if (mention.kind !== 'date') throw new Error(`${text}: ${mention.question}`);
  return formatIsoDate(mention.date);
}

describe('findDates: days', () => {
  it.each([
    ['我2026年3月2日被辞退', '2026-03-02'],
    ['2026年3月2号', '2026-03-02'],
    ['2026-3-2', '2026-03-02'],
    ['2026/03/02', '2026-03-02'],
    ['２０２６．３．２', '2026-03-02'],
    ['二〇二六年三月二日', '2026-03-02'],
    ['2025年十二月三十一日', '2025-12-31'],
    ['今年3月5日', '2026-03-05'],
    ['去年3月20号', '2025-03-20'],
    ['前年一月一日', '2024-01-01'],
    ['上个月5号', '2026-11-05'],
    ['这个月3号', '2026-12-03'],
    ['昨天', '2026-12-07'],
    ['前天被辞退', '2026-12-06'],
    ['3天前', '2026-12-05'],
    ['2024年2月29日', '2024-02-29'],
  ])('%s → %s', (text, iso) => {
    expect(day(text)).toBe(iso);
  });

  it('places a year-less day in the latest past year and says so', () => {
    const mention = read('3月2号被辞退');
    expect(mention).toMatchObject({ kind: 'date', date: { year: 2026, month: 3, day: 2 } });
    expect(mention.kind === 'date' && mention.assumption).toContain('2026年');
    expect(day('12月20号被辞退')).toBe('2025-12-20');
    expect(day('12月20号到期', false)).toBe('2026-12-20');
  });

  it('reads 上个月底 as the month-end and states it', () => {
    const mention = read('上个月底被开除');
    expect(mention).toMatchObject({ kind: 'date', date: { year: 2026, month: 11, day: 30 } });
    expect(mention.kind === 'date' && mention.assumption).toContain('2026年11月30日');
    expect(day('去年底')).toBe('2025-12-31');
    expect(day('2024年2月底')).toBe('2024-02-29');
  });
});

describe('findDates: vague mentions ask one question', () => {
  it.each([
    ['去年三月', '2025年3月'],
    ['今年3月', '2026年3月'],
    ['2025年5月份被辞退', '2025年5月'],
    ['3月初', '2026年3月初'],
    ['上个月', '2026年11月'],
    ['去年被辞退的', '2025年几月'],
    ['半年前', '哪一天'],
    ['两个月前', '哪一天'],
    ['2月30日', '2月没有30日'],
    ['2025年2月29日', '2月没有29日'],
  ])('%s asks about %s', (text, part) => {
    const mention = read(text);
    expect(mention.kind).toBe('vague');
    expect(mention.kind === 'vague' && mention.question).toContain(part);
  });
});

describe('findDates: what is no date', () => {
  it.each(['做了3年8个月', '月薪6000', '一个月工资五千', '干了两年', '欠我6000元', '8个月'])('%s', (text) => {
    expect(findDates(text, today)).toEqual([]);
  });

  it('finds two dates in order, the longest reading of each', () => {
    const found = findDates('2022年5月1日入职，2026年3月2日被辞退', today);
    expect(found.map((mention) => mention.kind === 'date' && formatIsoDate(mention.date))).toEqual(['2022-05-01', '2026-03-02']);
    expect(found[1]!.text).toBe('2026年3月2日');
  });
});
