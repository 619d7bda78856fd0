import { describe, expect, it } from 'vitest';
import type { CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { calculateQuestion } from '../../../../src/answer/calculate/calculate-question.js';
import { renderCalculation } from '../../../../src/answer/calculate/render.js';
import type { CalcOutcome, CalcResult } from '../../../../src/answer/calculate/result.js';
import { realKnowledge } from './real-knowledge.js';

const knowledge = realKnowledge();
const today: CivilDate = { year: 2026, month: 12, day: 8 };

function outcome(text: string): CalcOutcome {
  const found = calculateQuestion(text, today, knowledge);
  if (!found) throw new Error(`no calculation in ${text}`);
  return found;
}

function result(text: string): CalcResult {
  const found = outcome(text);
  if (found.kind !== 'result') throw new Error(`${text}: ${JSON.stringify(found)}`);
  return found;
}

const cited = (found: CalcResult) => found.articles.map((citation) => `${citation.law}${citation.article}`);

describe('calculateQuestion: the issue\'s examples', () => {
  it('a dismissal on a given date gets the last day to apply for arbitration', () => {
    const found = result('我2026年3月2日被辞退,最晚哪天申请仲裁');
    expect(found.figure.date).toBe('2027-03-02');
    expect(cited(found)).toContain('中华人民共和国劳动争议调解仲裁法第二十七条');
  });

  it('3 years 8 months at 6,000 unlawfully dismissed gets 48,000 with 第八十七条', () => {
    const found = result('做了3年8个月,月薪6000,被违法辞退能赔多少');
    expect(found.figure.fen).toBe(4_800_000);
    expect(cited(found)).toContain('中华人民共和国劳动合同法第八十七条');
  });

  it('2 years 3 months at 5,000 gets 12,500 with 第四十七条', () => {
    const found = result('在公司做了2年3个月，月薪5000，被公司辞退能拿多少经济补偿');
    expect(found.figure.fen).toBe(1_250_000);
    expect(cited(found)).toEqual(['中华人民共和国劳动合同法第四十七条']);
  });

  it('a 100,000-yuan debt claim gets 2,300 (1,150 in the simple procedure)', () => {
    expect(result('朋友欠我10万元，起诉要交多少诉讼费').figure.fen).toBe(230_000);
    expect(result('朋友欠我10万元，走简易程序诉讼费交多少').figure.fen).toBe(115_000);
  });

  it('a loan due on a past date gets the date its limitation ran out and what interrupts it', () => {
    const found = result('借给朋友的钱2023年3月1日到期，现在过了诉讼时效没有');
    expect(found.figure.date).toBe('2026-03-02');
    expect(found.status).toBe('passed');
    expect(renderCalculation(found)).toContain('催要');
    expect(renderCalculation(found)).not.toContain('不能起诉');
  });

  it('a vague date gets one short question, never a silent assumption', () => {
    expect(outcome('我去年三月被辞退，还能申请仲裁吗')).toMatchObject({ kind: 'ask', question: '请问是2025年3月的几号？（期限要从具体哪一天算起）' });
  });

  it('a missing input gets the one short question to ask', () => {
    expect(outcome('被违法辞退能赔多少')).toMatchObject({ kind: 'ask', missing: 'service' });
    expect(outcome('做了三年，被违法辞退能赔多少')).toMatchObject({ kind: 'ask', missing: 'wage' });
    expect(outcome('被辞退了最晚哪天申请劳动仲裁')).toMatchObject({ kind: 'ask', missing: 'trigger' });
  });

  it('a date in the future is refused politely', () => {
    expect(outcome('我2027年1月5日被辞退，最晚哪天申请仲裁')).toMatchObject({ kind: 'refuse', reason: 'future-date' });
  });

  it('a question that asks for no calculation gets none', () => {
    expect(calculateQuestion('被辞退了怎么申请劳动仲裁', today, knowledge)).toBeUndefined();
  });
});

describe('calculateQuestion: people\'s words, worked by hand', () => {
  it.each([
    ['判决书是2025年9月16日收到的，最晚哪天上诉', '2025-10-09'],
    ['2026年11月20日在厂里被机器砸伤，工伤认定最晚什么时候申请', '2027-11-20'],
    ['2026年10月9日收到罚款决定，申请行政复议最晚哪天', '2026-12-08'],
    ['12月1号收到复议决定书，多久内可以提起行政诉讼', '2026-12-16'],
    ['刑事判决书12月3号拿到的，上诉期限到哪天', '2026-12-14'],
    ['交通事故认定书12月4号收到的，复核最晚哪天申请', '2026-12-09'],
    ['12月2号收到劳动仲裁裁决书，不服的话最晚哪天起诉', '2026-12-17'],
  ])('%s → %s', (text, iso) => {
    expect(result(text).figure.date).toBe(iso);
  });

  it.each([
    ['公司裁员，我干了五年，月薪八千，补偿有多少', 4_000_000],
    ['做了5个月29天被辞退，工资5000，经济补偿多少', 250_000],
    ['做了两年半被无故辞退，月薪1.2万，能赔多少', 7_200_000],
    ['2026年3月2日入职，公司一直没签劳动合同，月薪4500，能拿多少二倍工资', 3_600_000],
    ['离婚诉讼费要交多少钱', 5_000],
    ['公司欠我工资，劳动争议案件诉讼费交多少', 1_000],
  ])('%s → %d fen', (text, fen) => {
    expect(result(text).figure.fen).toBe(fen);
  });

  it('gives every figure as whole fen or a date, never a float', () => {
    for (const text of ['做了3年8个月,月薪6000,被违法辞退能赔多少', '月薪5555.55元，做了1年1个月，公司裁员补偿多少', '欠我12345元，诉讼费多少']) {
      const found = result(text);
      expect(Number.isSafeInteger(found.figure.fen), text).toBe(true);
    }
    // 50 + 2,345 × 2.5 % = 108.625 → 108.63
    expect(result('欠我12345元，诉讼费多少').figure.text).toBe('108.63元');
  });
});
