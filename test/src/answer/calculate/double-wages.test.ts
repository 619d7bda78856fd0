import { describe, expect, it } from 'vitest';
import { parseIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { computeDoubleWages, type DoubleWagesInput } from '../../../../src/answer/calculate/double-wages.js';
import type { CalcResult } from '../../../../src/answer/calculate/result.js';

const today: CivilDate = { year: 2026, month: 12, day: 8 };
const date = (text: string) => parseIsoDate(text)!;
const wage = 500_000;

function double(input: Partial<DoubleWagesInput>): CalcResult {
  const outcome = computeDoubleWages({ today, monthlyWage: wage, ...input });
  if (outcome.kind !== 'result') throw new Error(JSON.stringify(outcome));
  return outcome;
}

describe('double wages for no written contract (劳动合同法 第八十二条)', () => {
  it('runs from the second month and stops at eleven months', () => {
    const outcome = double({ start: date('2025-03-01') });
    expect(outcome.figure.fen).toBe(wage * 11);
    expect(outcome.how).toContain('2025年4月1日');
    expect(outcome.articles.map((citation) => citation.article)).toEqual(['第八十二条', '第七条']);
    expect(outcome.assumptions.join()).toContain('还没有签');
  });

  it('counts the whole months until the contract is signed and names the days left over', () => {
    expect(double({ start: date('2025-03-01'), signed: date('2025-07-01') }).figure.fen).toBe(wage * 3);
    const outcome = double({ start: date('2025-03-01'), signed: date('2025-07-15') });
    expect(outcome.figure.fen).toBe(wage * 3);
    expect(outcome.notes.join()).toContain('另有14天');
  });

  it('stops on the last day worked when the person left without signing', () => {
    expect(double({ start: date('2025-03-01'), left: date('2025-08-31') }).figure.fen).toBe(wage * 5);
  });

  it('owes nothing for a contract signed within the first month, or before work began', () => {
    expect(double({ start: date('2025-03-01'), signed: date('2025-03-20') }).figure.fen).toBe(0);
    const before = double({ start: date('2025-03-01'), signed: date('2025-02-20') });
    expect(before.figure.fen).toBe(0);
    expect(before.how).toContain('上班之前就签了');
  });

  it('asks for the start, refuses a start in the future or a departure before it', () => {
    expect(computeDoubleWages({ today, monthlyWage: wage })).toMatchObject({ kind: 'ask', missing: 'start' });
    expect(computeDoubleWages({ today, start: date('2025-03-01') })).toMatchObject({ kind: 'ask', missing: 'wage' });
    expect(computeDoubleWages({ today, monthlyWage: wage, start: date('2027-01-01') })).toMatchObject({ kind: 'refuse', reason: 'future-date' });
    expect(computeDoubleWages({ today, monthlyWage: wage, start: date('2025-03-01'), left: date('2025-01-01') })).toMatchObject({ kind: 'refuse', reason: 'order' });
  });
});
