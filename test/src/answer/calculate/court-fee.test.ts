import { describe, expect, it } from 'vitest';
import { computeCourtFee, CourtFeesFileSchema, type CourtFeeInput } from '../../../../src/answer/calculate/court-fee.js';
import type { CalcResult } from '../../../../src/answer/calculate/result.js';
import { realKnowledge } from './real-knowledge.js';

const fees = realKnowledge().courtFees;
const yuan = (amount: number) => amount * 100;

function fee(input: Omit<CourtFeeInput, 'fees'>): CalcResult {
  const outcome = computeCourtFee({ fees, ...input });
  if (outcome.kind !== 'result') throw new Error(JSON.stringify(outcome));
  return outcome;
}

describe('court acceptance fees (诉讼费用交纳办法)', () => {
  it('a 100,000-yuan claim pays 2,300, or 1,150 in the simple procedure (the issue\'s example)', () => {
    const normal = fee({ kind: 'property', amount: yuan(100_000) });
    expect(normal.figure).toMatchObject({ fen: yuan(2300), text: '2,300元' });
    expect(normal.articles.map((citation) => citation.article)).toEqual(['第十三条']);
    const simple = fee({ kind: 'property', amount: yuan(100_000), simple: true });
    expect(simple.figure.fen).toBe(yuan(1150));
    expect(simple.articles.map((citation) => citation.article)).toEqual(['第十三条', '第十六条']);
  });

  it('adds the brackets cumulatively and rounds once, at bracket boundaries too', () => {
    expect(fee({ kind: 'property', amount: yuan(10_000) }).figure.fen).toBe(yuan(50));
    // One yuan over 10,000 pays 2.5 % of it: 50.025 → 50.03.
    expect(fee({ kind: 'property', amount: yuan(10_001) }).figure.fen).toBe(5003);
    expect(fee({ kind: 'property', amount: yuan(200_000) }).figure.fen).toBe(yuan(4300));
    expect(fee({ kind: 'property', amount: yuan(200_001) }).figure.fen).toBe(430_002);
    expect(fee({ kind: 'property', amount: yuan(1_000_000) }).figure.fen).toBe(yuan(13_800));
    expect(fee({ kind: 'property', amount: yuan(30_000_000) }).figure.fen).toBe(yuan(191_800));
    expect(fee({ kind: 'property', amount: 1 }).figure.fen).toBe(yuan(50));
  });

  it('charges labour disputes 10 yuan a case (5 in the simple procedure)', () => {
    expect(fee({ kind: 'labour' }).figure.fen).toBe(yuan(10));
    expect(fee({ kind: 'labour', simple: true }).figure.fen).toBe(yuan(5));
  });

  it('gives divorce its range, plus 0.5 % of property above 200,000', () => {
    expect(fee({ kind: 'divorce' }).figure).toMatchObject({ fen: yuan(50), maxFen: yuan(300), text: '50元至300元' });
    expect(fee({ kind: 'divorce', amount: yuan(300_000) }).figure).toMatchObject({ fen: yuan(550), maxFen: yuan(800) });
  });

  it('asks for the amount of a property claim', () => {
    expect(computeCourtFee({ fees, kind: 'property' })).toMatchObject({ kind: 'ask', missing: 'amount' });
  });

  it('refuses brackets out of order', () => {
    const brackets = [{ upToYuan: 100, fixedYuan: 50 }, { upToYuan: 50, percent: '1' }, { upToYuan: null, percent: '1' }];
    expect(CourtFeesFileSchema.safeParse({ ...fees, property: { ...fees.property, brackets } }).success).toBe(false);
  });
});
