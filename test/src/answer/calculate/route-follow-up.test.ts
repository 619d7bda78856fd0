import { describe, expect, it } from 'vitest';
import { formatIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { readRouteFollowUp } from '../../../../src/answer/calculate/route-follow-up.js';
import { realKnowledge } from './real-knowledge.js';

const questions = realKnowledge().questions;
const today: CivilDate = { year: 2026, month: 12, day: 8 };
const read = (text: string, ...entry: [string | undefined] | []) => readRouteFollowUp(text, today, questions, entry.length ? entry[0] : 'problem.dismissal');

describe('readRouteFollowUp', () => {
  it.each([
    ['还来得及吗?', 'labour-arbitration'],
    ['现在还能申请吗', 'labour-arbitration'],
    ['最晚哪天', 'labour-arbitration'],
    ['还有多少天', 'labour-arbitration'],
    ['能拿多少?', 'compensation'],
    ['大概能赔多少钱', 'compensation'],
    ['还能拿多少', 'compensation'],
  ])('after the dismissal route, %s asks for %s', (text, id) => {
    expect(read(text)?.calculation.id).toBe(id);
  });

  it('reads the date or the service a short follow-up gives, for the calculation it suits', () => {
    const date = read('3月2号被辞退的');
    expect(date?.calculation.id).toBe('labour-arbitration');
    expect(formatIsoDate(date!.dates.event!)).toBe('2026-03-02');
    const service = read('做了3年8个月');
    expect(service?.calculation.id).toBe('compensation');
    expect(service?.durations.service).toMatchObject({ years: 3, months: 8 });
  });

  it.each(['律师费要多少钱', '坐车去要多久', '公司不给开离职证明怎么办', '谢谢'])('leaves %s to the usual answers', (text) => {
    expect(read(text)).toBeUndefined();
  });

  it('computes nothing after a route without a calculation, or with no route at all', () => {
    expect(read('还来得及吗', 'problem.divorce')).toBeUndefined();
    expect(read('还来得及吗', undefined)).toBeUndefined();
    expect(read('能拿多少', 'problem.work-injury')).toBeUndefined();
    expect(read('还来得及吗', 'problem.work-injury')?.calculation.id).toBe('work-injury');
  });

  it('keeps a vague date vague: the one question, never a guessed day', () => {
    expect(read('去年三月')?.vague).toMatchObject({ input: 'event', year: 2025, month: 3 });
  });
});
