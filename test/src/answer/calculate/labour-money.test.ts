import { describe, expect, it } from 'vitest';
import { addDays, parseIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { computeCompensation, computeUnlawfulTermination, type CompensationInput } from '../../../../src/answer/calculate/labour-money.js';
import type { LocalFiguresFile } from '../../../../src/answer/calculate/local-figures.js';
import type { CalcOutcome, CalcResult } from '../../../../src/answer/calculate/result.js';
import { compensationHalfMonths, serviceBetween, type Service } from '../../../../src/answer/calculate/service.js';

const today: CivilDate = { year: 2026, month: 12, day: 8 };
const date = (text: string) => parseIsoDate(text)!;
const noFigures: LocalFiguresFile = { place: '韶关市', averageMonthlyWage: [] };
/** A made-up city average for the cap tests: 7,000 a month in 2025, so three times is 21,000. */
const figures: LocalFiguresFile = {
  place: '韶关市',
  averageMonthlyWage: [{ year: 2025, yuan: 7000, source: '测试用数字', published: '2026-06-30', enteredBy: '测试', enteredOn: '2026-07-01' }],
};
/** The same made-up average for every year, so a property run meets the cap whatever the end. */
const everyYear: LocalFiguresFile = {
  place: '韶关市',
  averageMonthlyWage: Array.from({ length: 40 }, (_, index) => ({ ...figures.averageMonthlyWage[0]!, year: 2000 + index })),
};
const yuan = (amount: number) => amount * 100;
const span = (years: number, months: number, days = 0): Service => ({ years, months, days });

function result(outcome: CalcOutcome): CalcResult {
  if (outcome.kind !== 'result') throw new Error(JSON.stringify(outcome));
  return outcome;
}

function n(input: Partial<CompensationInput>): CalcResult {
  return result(computeCompensation({ today, localFigures: noFigures, ...input }));
}

const articles = (outcome: CalcResult) => outcome.articles.map((citation) => citation.article);

describe('economic compensation N (劳动合同法 第四十七条)', () => {
  it('2 years 3 months at 5,000 is 12,500 (the issue\'s example)', () => {
    const outcome = n({ service: span(2, 3), monthlyWage: yuan(5000) });
    expect(outcome.figure).toMatchObject({ fen: yuan(12_500), text: '12,500元' });
    expect(articles(outcome)).toEqual(['第四十七条']);
    expect(outcome.how).toContain('2.5个月');
  });

  it('counts exactly six leftover months as a whole year', () => {
    expect(n({ service: span(2, 6), monthlyWage: yuan(5000) }).figure.fen).toBe(yuan(15_000));
    expect(n({ start: date('2025-01-01'), end: date('2025-06-30'), monthlyWage: yuan(5000) }).figure.fen).toBe(yuan(5000));
  });

  it('counts 5 months 29 days as half a month', () => {
    expect(n({ service: span(0, 5, 29), monthlyWage: yuan(5000) }).figure.fen).toBe(yuan(2500));
    expect(n({ start: date('2025-01-01'), end: date('2025-06-29'), monthlyWage: yuan(5000) }).figure.fen).toBe(yuan(2500));
  });

  it('caps a wage above three times the city average at three times, and the years at twelve', () => {
    const outcome = n({ service: span(15, 0), monthlyWage: yuan(30_000), localFigures: figures });
    expect(outcome.figure.fen).toBe(yuan(21_000 * 12));
    expect(articles(outcome)).toContain('第四十七条第二款');
    expect(outcome.how).toContain('年限最多12年');
  });

  it('does not cap the years of a wage below (or at) three times the average', () => {
    expect(n({ service: span(15, 0), monthlyWage: yuan(20_000), localFigures: figures }).figure.fen).toBe(yuan(20_000 * 15));
    expect(n({ service: span(15, 0), monthlyWage: yuan(21_000), localFigures: figures }).figure.fen).toBe(yuan(21_000 * 15));
  });

  it('says the cap was not checked when the city average is not on file', () => {
    const outcome = n({ service: span(15, 0), monthlyWage: yuan(30_000) });
    expect(outcome.figure.fen).toBe(yuan(30_000 * 15));
    expect(outcome.notes[0]).toContain('还没有录入韶关市2025年度职工月平均工资');
  });

  it('averages the wages of fewer than twelve months exactly and rounds once', () => {
    const outcome = n({ service: span(0, 3), monthlyWages: [yuan(5000), yuan(5000), yuan(5001)] });
    // (15,001 / 3) × 0.5 = 2,500.1666… → 2,500.17
    expect(outcome.figure.fen).toBe(250_017);
    expect(articles(outcome)).toContain('第二十七条');
  });

  it('notes service before 2008 (第九十七条第三款)', () => {
    const outcome = n({ start: date('2005-03-01'), end: date('2026-02-28'), monthlyWage: yuan(5000) });
    expect(outcome.notes.join()).toContain('2008年以前');
    expect(articles(outcome)).toContain('第九十七条第三款');
  });

  it('refuses politely an end before the start and a start in the future', () => {
    expect(computeCompensation({ today, localFigures: noFigures, start: date('2026-03-01'), end: date('2025-03-01'), monthlyWage: yuan(5000) })).toMatchObject({ kind: 'refuse', reason: 'order' });
    expect(computeCompensation({ today, localFigures: noFigures, start: date('2027-03-01'), end: date('2027-06-01'), monthlyWage: yuan(5000) })).toMatchObject({ kind: 'refuse', reason: 'future-date' });
  });

  it('asks for the service, then the wage', () => {
    expect(computeCompensation({ today, localFigures: noFigures, monthlyWage: yuan(5000) })).toMatchObject({ kind: 'ask', missing: 'service' });
    expect(computeCompensation({ today, localFigures: noFigures, service: span(1, 0) })).toMatchObject({ kind: 'ask', missing: 'wage' });
  });
});

describe('compensation for unlawful termination 2N (第八十七条)', () => {
  it('3 years 8 months at 6,000 is 48,000 (the issue\'s example)', () => {
    const outcome = result(computeUnlawfulTermination({ today, localFigures: noFigures, service: span(3, 8), monthlyWage: yuan(6000) }));
    expect(outcome.figure).toMatchObject({ fen: yuan(48_000), text: '48,000元' });
    expect(articles(outcome)).toEqual(['第八十七条', '第四十七条']);
    expect(outcome.changes[0]).toContain('24,000元');
  });

  it('counts service before 2008 in full (实施条例 第二十五条)', () => {
    const outcome = result(computeUnlawfulTermination({ today, localFigures: noFigures, start: date('2006-01-01'), end: date('2025-12-31'), monthlyWage: yuan(5000) }));
    expect(outcome.figure.fen).toBe(yuan(5000 * 20 * 2));
    expect(articles(outcome)).toContain('第二十五条');
  });
});

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function generator(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % below);
  };
}

describe('N is monotone in the length of service (property)', () => {
  it('never pays less for a longer service ending the same day, with or without the cap', () => {
    const next = generator(20_260_308);
    for (let trial = 0; trial < 2000; trial += 1) {
      const end = addDays(date('2010-01-01'), next(7000));
      const later = addDays(end, -next(9000));
      const earlier = addDays(later, -next(900));
      const wage = yuan(1000 + next(40_000));
      const localFigures = next(2) ? everyYear : noFigures;
      const shorter = n({ start: later, end, monthlyWage: wage, localFigures, today: date('2030-01-01') });
      const longer = n({ start: earlier, end, monthlyWage: wage, localFigures, today: date('2030-01-01') });
      expect(longer.figure.fen!, JSON.stringify({ earlier, later, end, wage })).toBeGreaterThanOrEqual(shorter.figure.fen!);
    }
  });

  it('never pays less for a longer service given as years, months and days', () => {
    const next = generator(42);
    for (let trial = 0; trial < 2000; trial += 1) {
      const wage = yuan(1000 + next(40_000));
      const shorter = span(next(30), next(12), next(31));
      const longer = span(shorter.years + next(2), shorter.months, shorter.days + next(3));
      const pay = (service: Service) => n({ service, monthlyWage: wage, localFigures: everyYear }).figure.fen!;
      expect(pay(longer), JSON.stringify({ shorter, longer, wage })).toBeGreaterThanOrEqual(pay(shorter));
    }
  });

  it('orders the half-months of every pair of spans as the spans are ordered', () => {
    const next = generator(7);
    for (let trial = 0; trial < 2000; trial += 1) {
      const a = span(next(30), next(12), next(31));
      const b = span(next(30), next(12), next(31));
      const [shorter, longer] = [a, b].sort((x, y) => x.years - y.years || x.months - y.months || x.days - y.days) as [Service, Service];
      expect(compensationHalfMonths(longer)).toBeGreaterThanOrEqual(compensationHalfMonths(shorter));
    }
  });

  it('reads service from the first to the last day worked, both counted', () => {
    expect(serviceBetween(date('2022-03-02'), date('2026-03-01'))).toEqual({ years: 4, months: 0, days: 0 });
    // A month from 1月31日 ends with the month-end (民法典 第二百零二条): 1月31日 to 2月28日 is one.
    expect(serviceBetween(date('2024-01-31'), date('2024-02-28'))).toEqual({ years: 0, months: 1, days: 0 });
    expect(serviceBetween(date('2024-01-31'), date('2024-02-27'))).toEqual({ years: 0, months: 0, days: 28 });
    expect(serviceBetween(date('2024-02-29'), date('2025-02-27'))).toEqual({ years: 1, months: 0, days: 0 });
  });
});
