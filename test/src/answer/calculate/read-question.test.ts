import { describe, expect, it } from 'vitest';
import { formatIsoDate, type CivilDate } from '../../../../src/answer/calculate/civil-date.js';
import { chooseCalculation, readCalculationQuestion, type QuestionReading } from '../../../../src/answer/calculate/read-question.js';
import { realKnowledge } from './real-knowledge.js';

const questions = realKnowledge().questions;
const today: CivilDate = { year: 2026, month: 12, day: 8 };

function read(text: string): QuestionReading {
  const reading = readCalculationQuestion(text, today, questions);
  if (!reading) throw new Error(`no calculation in ${text}`);
  return reading;
}

const dates = (reading: QuestionReading) => Object.fromEntries(Object.entries(reading.dates).map(([name, date]) => [name, formatIsoDate(date)]));

describe('chooseCalculation', () => {
  it.each([
    ['我2026年3月2日被辞退,最晚哪天申请仲裁', 'labour-arbitration'],
    ['上个月底被老板炒了，多久内可以去劳动仲裁', 'labour-arbitration'],
    ['做了3年8个月,月薪6000,被违法辞退能赔多少', 'unlawful-termination'],
    ['公司裁员，我干了五年，工资八千，补偿有多少', 'compensation'],
    ['入职半年了公司一直没签合同，能拿多少双倍工资', 'double-wages'],
    ['朋友欠我5万，起诉要交多少诉讼费', 'court-fee'],
    ['借给同事的钱2023年6月到期，现在过了时效没有', 'civil-limitation'],
    ['在工地摔伤了，工伤认定最晚什么时候申请', 'work-injury'],
    ['被罚款了想申请行政复议，期限多久', 'admin-reconsideration'],
    ['收到复议决定书不服，多久内可以提起行政诉讼', 'admin-suit'],
    ['一审判决不服，上诉期限是几天', 'appeal'],
    ['交通事故认定书不服，复核要在几天之内', 'traffic-review'],
    ['劳动仲裁裁决书收到了，不服的话多久内要起诉', 'sue-after-award'],
  ])('%s → %s', (text, id) => {
    expect(chooseCalculation(text, questions)?.id).toBe(id);
  });

  it.each(['被辞退了怎么申请劳动仲裁', '法律援助去哪里申请', '离婚要准备什么材料', '今天天气怎么样', '借钱不还怎么办'])('%s asks for no calculation', (text) => {
    expect(chooseCalculation(text, questions)).toBeUndefined();
  });
});

describe('readCalculationQuestion', () => {
  it('reads the event of a deadline from the words next to it', () => {
    const reading = read('我2026年3月2日被辞退,最晚哪天申请仲裁');
    expect(reading.choice).toBe('labour-arbitration');
    expect(dates(reading)).toEqual({ event: '2026-03-02' });
  });

  it('tells the start from the end by their role words', () => {
    const reading = read('我2022年5月1日入职，2026年3月2日被违法辞退，月薪6000，能赔多少');
    expect(dates(reading)).toEqual({ start: '2022-05-01', end: '2026-03-02' });
    expect(reading.money).toEqual({ wage: 600_000 });
  });

  it('reads service and wage in any order and in Chinese numerals', () => {
    const reading = read('月薪六千元，做了三年八个月，被违法辞退能赔多少');
    expect(reading.durations).toEqual({ service: { years: 3, months: 8, days: 0 } });
    expect(reading.money).toEqual({ wage: 600_000 });
  });

  it('reads a later demand as what restarts the limitation', () => {
    const reading = read('借款2022年5月10日到期，2024年6月3日催过一次，现在还能起诉吗，时效过了没有');
    expect(dates(reading)).toEqual({ event: '2022-05-10', restart: '2024-06-03' });
  });

  it('returns the one question for a vague date a role needs', () => {
    const reading = read('我去年三月被辞退，还能申请仲裁吗');
    expect(reading.vague).toEqual({ input: 'event', question: '请问是2025年3月的几号？（期限要从具体哪一天算起）', year: 2025, month: 3 });
  });

  it('states the assumption when a variant is taken by default', () => {
    expect(read('判决书12月1日收到的，上诉期限到哪天').assumptions[0]).toContain('按民事判决书计算');
    expect(read('刑事判决书12月1日收到的，上诉期限到哪天').choice).toBe('criminal-appeal-judgment');
    expect(read('民事裁定书12月1日收到的，上诉期限到哪天').choice).toBe('civil-appeal-ruling');
  });

  it('picks the rule for unpaid wages while still employed', () => {
    expect(read('公司拖欠工资半年了，我还在职，申请仲裁有期限吗').choice).toBe('arbitration-unpaid-wages-employed');
  });

  it('reads the court-fee kind and the simple procedure', () => {
    expect(read('朋友借我10万不还，简易程序起诉要交多少诉讼费')).toMatchObject({ choice: 'property', flags: ['simple'], money: { amount: 10_000_000 } });
    expect(read('追讨工资的劳动争议案件诉讼费交多少').choice).toBe('labour');
    expect(read('离婚诉讼费要交多少钱').choice).toBe('divorce');
  });
});
