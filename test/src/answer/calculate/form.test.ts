import { describe, expect, it } from 'vitest';
import { calculateQuestion } from '../../../../src/answer/calculate/calculate-question.js';
import type { CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { calculateForm, type CalculationForm } from '../../../../src/answer/calculate/form.js';
import { loadCalculateKnowledge } from '../../../../src/answer/calculate/knowledge.js';
import { readCalculateFiles, realKnowledge } from './real-knowledge.js';

const knowledge = realKnowledge();
const today: CivilDate = { year: 2026, month: 12, day: 8 };
const run = (form: CalculationForm) => calculateForm(form, today, knowledge);

describe('calculateForm', () => {
  it.each<[string, CalculationForm]>([
    ['我2026年3月2日被辞退,最晚哪天申请仲裁', { calculation: 'deadline', rule: 'labour-arbitration', event: '2026-03-02' }],
    ['做了3年8个月月薪6000被违法辞退能赔多少', { calculation: 'unlawful-termination', service: { years: 3, months: 8, days: 0 }, wage: 6000 }],
    ['干了2年3个月,月薪5000,被公司裁员,经济补偿多少', { calculation: 'compensation', service: { years: 2, months: 3, days: 0 }, wage: '5000' }],
    ['朋友欠我10万,起诉要交多少诉讼费', { calculation: 'court-fee', kind: 'property', amount: 100_000 }],
    ['朋友欠我10万,走简易程序诉讼费多少', { calculation: 'court-fee', kind: 'property', amount: '100000', simple: true }],
    ['欠条上写2023年3月1日还,现在还能告吗', { calculation: 'deadline', rule: 'civil-limitation', event: '2023-03-01' }],
  ])('gives what the question %s gives', (question, form) => {
    const fromForm = run(form);
    expect(fromForm.ok && fromForm.outcome).toEqual(calculateQuestion(question, today, knowledge));
  });

  it('gives the figures of the issue', () => {
    const figure = (form: CalculationForm) => {
      const outcome = run(form);
      return outcome.ok && outcome.outcome.kind === 'result' ? outcome.outcome.figure.text : outcome;
    };
    expect(figure({ calculation: 'unlawful-termination', service: { years: 3, months: 8, days: 0 }, wage: 6000 })).toBe('48,000元');
    expect(figure({ calculation: 'compensation', service: { years: 2, months: 3, days: 0 }, wage: 5000 })).toBe('12,500元');
    expect(figure({ calculation: 'court-fee', kind: 'property', amount: 100_000 })).toBe('2,300元');
    expect(figure({ calculation: 'court-fee', kind: 'property', amount: 100_000, simple: true })).toBe('1,150元');
  });

  it('takes money as whole yuan or a decimal string, never a float', () => {
    expect(run({ calculation: 'court-fee', kind: 'property', amount: '10000.50' })).toMatchObject({ ok: true, outcome: { inputs: [{ value: '10,000.50元' }] } });
    expect(run({ calculation: 'court-fee', kind: 'property', amount: 10000.5 })).toEqual({ ok: false, field: 'amount', message: expect.stringContaining('不是有效的金额') });
    expect(run({ calculation: 'court-fee', kind: 'property', amount: '1.005' })).toMatchObject({ ok: false, field: 'amount' });
  });

  it('names the field it cannot read', () => {
    expect(run({ calculation: 'deadline', rule: 'labour-arbitration', event: '2026-02-30' })).toMatchObject({ ok: false, field: 'event', message: expect.stringContaining('不是有效的日期') });
    expect(run({ calculation: 'deadline', rule: 'no-such-rule', event: '2026-03-02' })).toMatchObject({ ok: false, field: 'rule', message: expect.stringContaining('没有“no-such-rule”这个期限') });
  });

  it('asks for what is missing, and refuses a date in the future', () => {
    expect(run({ calculation: 'compensation', service: { years: 1, months: 0, days: 0 } })).toMatchObject({ ok: true, outcome: { kind: 'ask', missing: 'wage' } });
    expect(run({ calculation: 'deadline', rule: 'labour-arbitration', event: '2027-01-01' })).toMatchObject({ ok: true, outcome: { kind: 'refuse', reason: 'future-date' } });
  });

  it('counts to the working day after a holiday, as the chat does', () => {
    // 2023-03-01 + 3 years = 2026-03-01, a Sunday: the period ends on Monday 2 March.
    expect(run({ calculation: 'deadline', rule: 'civil-limitation', event: '2023-03-01' })).toMatchObject({ ok: true, outcome: { figure: { date: '2026-03-02' } } });
    const load = loadCalculateKnowledge(readCalculateFiles());
    expect(load.ok).toBe(true);
  });
});
