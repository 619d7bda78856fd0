import { describe, expect, it } from 'vitest';
import { calculateReading } from '../../../../src/answer/calculate/calculate-question.js';
import { formatIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { answerPending, pendingOf } from '../../../../src/answer/calculate/pending.js';
import { readCalculationQuestion } from '../../../../src/answer/calculate/read-question.js';
import type { CalcOutcome } from '../../../../src/answer/calculate/result.js';
import { realKnowledge } from './real-knowledge.js';

const knowledge = realKnowledge();
const today: CivilDate = { year: 2026, month: 12, day: 8 };

/** Asks `question`, expects one short question back, answers it with each of `answers` in turn. */
function converse(question: string, ...answers: string[]): CalcOutcome {
  let reading = readCalculationQuestion(question, today, knowledge.questions)!;
  let outcome = calculateReading(reading, today, knowledge);
  for (const answer of answers) {
    expect(outcome.kind).toBe('ask');
    const pending = JSON.parse(JSON.stringify(pendingOf(reading, (outcome as { missing: string }).missing)));
    const next = answerPending(pending, answer, today, knowledge.questions);
    if (!next) throw new Error(`${answer} answered nothing`);
    reading = next;
    outcome = calculateReading(reading, today, knowledge);
  }
  return outcome;
}

describe('a pending calculation', () => {
  it('takes a bare date as the day asked for', () => {
    const outcome = converse('被辞退了最晚哪天申请仲裁', '2026年3月2日');
    expect(outcome).toMatchObject({ kind: 'result', calculation: 'deadline:labour-arbitration', figure: { date: '2027-03-02' } });
  });

  it('completes a vague month with the day alone, in the year the person named', () => {
    const asked = converse('我去年三月被辞退,还能申请仲裁吗');
    expect(asked).toMatchObject({ kind: 'ask', question: '请问是2025年3月的几号？（期限要从具体哪一天算起）' });
    expect(converse('我去年三月被辞退,还能申请仲裁吗', '5号')).toMatchObject({ kind: 'result', figure: { date: '2026-03-05' } });
    expect(converse('我去年三月被辞退,还能申请仲裁吗', '3月5日')).toMatchObject({ kind: 'result', figure: { date: '2026-03-05' } });
  });

  it('asks the next missing input, keeping what was given, until it can compute', () => {
    const outcome = converse('被违法辞退了能赔多少', '3年8个月', '6000');
    expect(outcome).toMatchObject({ kind: 'result', calculation: 'unlawful-termination', figure: { fen: 4_800_000 } });
  });

  it('takes two dates for the service as the first and last day', () => {
    const outcome = converse('被违法辞退了能赔多少', '2022年3月1日到2025年10月31日', '5000');
    expect(outcome).toMatchObject({ kind: 'result', figure: { fen: 4_000_000 } });
    expect(outcome.inputs).toEqual(expect.arrayContaining([{ name: '入职日期', value: '2022-03-01' }, { name: '离职日期', value: '2025-10-31' }]));
  });

  it('keeps only data: the calculation, dates as text, amounts in fen', () => {
    const reading = readCalculationQuestion('月薪6千被违法辞退能赔多少', today, knowledge.questions)!;
    const pending = pendingOf(reading, 'service');
    expect(pending).toEqual({ id: 'unlawful-termination', flags: [], assumptions: [], dates: {}, money: { wage: 600_000 }, durations: {}, asked: ['service', 'start', 'end'] });
  });

  it('gives nothing for a message that answers nothing, so the person can move on', () => {
    const reading = readCalculationQuestion('被辞退了最晚哪天申请仲裁', today, knowledge.questions)!;
    expect(answerPending(pendingOf(reading, 'trigger'), '律师在哪里', today, knowledge.questions)).toBeUndefined();
    expect(answerPending({ ...pendingOf(reading, 'trigger'), id: 'gone' }, '2026年3月2日', today, knowledge.questions)).toBeUndefined();
  });

  it('gives nothing for an unrelated question after a vague month: the month is not glued onto it', () => {
    const reading = readCalculationQuestion('我去年三月被辞退,还能申请仲裁吗', today, knowledge.questions)!;
    const pending = pendingOf(reading, 'event');
    expect(answerPending(pending, '法律援助在哪里申请', today, knowledge.questions)).toBeUndefined();
    expect(answerPending(pending, '好的', today, knowledge.questions)).toBeUndefined();
    expect(answerPending(pending, '十五号', today, knowledge.questions)?.dates.event).toEqual({ year: 2025, month: 3, day: 15 });
  });

  it('asks again, once more, for a date still too vague', () => {
    const reading = readCalculationQuestion('被辞退了最晚哪天申请仲裁', today, knowledge.questions)!;
    const next = answerPending(pendingOf(reading, 'trigger'), '去年三月', today, knowledge.questions)!;
    expect(calculateReading(next, today, knowledge)).toMatchObject({ kind: 'ask', question: '请问是2025年3月的几号？（期限要从具体哪一天算起）' });
    expect(formatIsoDate(today)).toBe('2026-12-08');
  });
});
