import { describe, expect, it } from 'vitest';
import { parseIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { computeDeadline } from '../../../../src/answer/calculate/deadline.js';
import type { CalcOutcome, CalcResult } from '../../../../src/answer/calculate/result.js';
import { realKnowledge } from './real-knowledge.js';

const knowledge = realKnowledge();
const today: CivilDate = { year: 2026, month: 12, day: 8 };
const date = (text: string) => parseIsoDate(text)!;

function deadline(ruleId: string, event?: string, extra: { restart?: string; today?: CivilDate } = {}): CalcOutcome {
  const rule = knowledge.deadlines.rules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return computeDeadline({
    rule, counting: knowledge.deadlines.counting, calendar: knowledge.calendar, today: extra.today ?? today,
    ...(event ? { event: date(event) } : {}), ...(extra.restart ? { restart: date(extra.restart) } : {}),
  });
}

function result(outcome: CalcOutcome): CalcResult {
  if (outcome.kind !== 'result') throw new Error(JSON.stringify(outcome));
  return outcome;
}

const articles = (outcome: CalcResult) => outcome.articles.map((citation) => citation.article);

describe('computeDeadline', () => {
  it('gives the last day to apply for labour arbitration after a dismissal, with its article', () => {
    const outcome = result(deadline('labour-arbitration', '2026-03-02'));
    expect(outcome.figure).toMatchObject({ date: '2027-03-02', label: '最晚申请劳动仲裁的日期' });
    expect(articles(outcome)).toEqual(['第二十七条', '第二百零一条', '第二百零二条', '第二百零三条']);
    expect(outcome.status).toBe('open');
    expect(outcome.changes.join()).toContain('重新计算');
  });

  it('says plainly that a year not in the holiday file was not checked, and states the rule', () => {
    const outcome = result(deadline('labour-arbitration', '2026-03-02'));
    expect(outcome.notes[0]).toContain('没有核对2027年的节假日');
    expect(outcome.notes[0]).toContain('法定休假日');
  });

  it('advises the working day before a weekend last day in a year not on file', () => {
    // 2026-03-06 + 1 year = 2027-03-06, a Saturday; 2027 is not on file.
    const outcome = result(deadline('labour-arbitration', '2026-03-06'));
    expect(outcome.figure.date).toBe('2027-03-06');
    expect(outcome.notes.join()).toContain('这一天是周末');
  });

  it('moves a last day inside the National Day holiday to the first working day after it', () => {
    // Judgment received 2025-09-16: 15 days end on 2025-10-01; the holiday runs to 10-08.
    const outcome = result(deadline('civil-appeal-judgment', '2025-09-16', { today: date('2025-09-20') }));
    expect(outcome.figure.date).toBe('2025-10-09');
    expect(outcome.how).toContain('顺延');
    expect(articles(outcome)).toEqual(['第一百七十一条', '第八十五条']);
    expect(outcome.notes.some((note) => note.includes('没有核对'))).toBe(false);
  });

  it('does not move a last day on a 调休 working Saturday', () => {
    // Six months from 2025-08-31 end on the month-end 2026-02-28, a Saturday worked in lieu.
    const outcome = result(deadline('admin-suit-direct', '2025-08-31', { today: date('2025-09-01') }));
    expect(outcome.figure.date).toBe('2026-02-28');
  });

  it('counts criminal appeals in days from the day after the judgment is received', () => {
    expect(result(deadline('criminal-appeal-judgment', '2026-12-01')).figure.date).toBe('2026-12-11');
    expect(result(deadline('criminal-appeal-ruling', '2026-12-01')).figure.date).toBe('2026-12-07');
  });

  it('counts the traffic finding review in working days', () => {
    // Received Friday 2026-12-04: Mon 7, Tue 8, Wed 9.
    expect(result(deadline('traffic-review', '2026-12-04')).figure.date).toBe('2026-12-09');
  });

  it('refuses politely a start date in the future', () => {
    const outcome = deadline('labour-arbitration', '2027-01-05');
    expect(outcome).toMatchObject({ kind: 'refuse', reason: 'future-date' });
    expect(outcome.kind === 'refuse' && outcome.message).toContain('请再核对一下日期');
  });

  it('asks the rule\'s one question when the start date is missing', () => {
    expect(deadline('work-injury-worker')).toMatchObject({ kind: 'ask', missing: 'trigger', question: '受伤（或者被诊断为职业病）是哪一天？请说年月日。' });
  });

  it('restarts the limitation from a later demand (民法典 第一百九十五条)', () => {
    const outcome = result(deadline('civil-limitation', '2022-05-10', { restart: '2024-06-03' }));
    expect(outcome.figure.date).toBe('2027-06-03');
    expect(articles(outcome)).toContain('第一百九十五条');
    expect(outcome.assumptions.join()).toContain('重新计算');
  });

  it('never tells a person whose limitation has run that they cannot sue', () => {
    const outcome = result(deadline('civil-limitation', '2023-03-01'));
    expect(outcome.status).toBe('passed');
    expect(outcome.figure.date).toBe('2026-03-02');
    const said = [outcome.how, ...outcome.notes, ...outcome.changes].join();
    expect(said).not.toContain('不能起诉');
    expect(said).toContain('仍然可以起诉');
    expect(articles(outcome)).toEqual(expect.arrayContaining(['第一百九十二条', '第一百九十三条', '第一百九十五条']));
  });

  it('states the rule for unpaid wages while still employed instead of a date', () => {
    const outcome = result(deadline('arbitration-unpaid-wages-employed'));
    expect(outcome.figure.text).toBe('在职期间不受一年限制');
    expect(articles(outcome)).toEqual(['第二十七条第四款']);
  });

  it('has a result, with articles, for every rule on file', () => {
    for (const rule of knowledge.deadlines.rules) {
      const outcome = deadline(rule.id, '2026-11-30');
      expect(outcome.kind, rule.id).toBe('result');
      expect(outcome.kind === 'result' && outcome.articles.length, rule.id).toBeGreaterThan(0);
    }
  });
});
