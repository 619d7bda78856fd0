/**
 * Double wages for working without a written contract (劳动合同法 第八十二条): from the second
 * month of employment until the contract is signed, at most until the end of the first year,
 * hence at most 11 months. What is owed is the second wage on top of the one paid, so the
 * figure is one monthly wage per month of the period. Whole months are counted to the fen;
 * leftover days are named, not guessed (a day's wage depends on the paid days in them).
 */
import { addDays, addMonths, compareDates, earlierOf, formatChineseDate, formatIsoDate, monthsAndDaysBetween, type CivilDate } from './civil-date.js';
import { formatYuan, type Fen } from './money.js';
import type { CalcOutcome, Citation, InputShown } from './result.js';

/** What the double wages are computed from. */
export interface DoubleWagesInput {
  today: CivilDate;
  /** The first day worked (用工之日). */
  start?: CivilDate;
  /** The day a written contract was signed, if it was. */
  signed?: CivilDate;
  /** The last day worked, if the person has left without signing. */
  left?: CivilDate;
  monthlyWage?: Fen;
  assumptions?: string[];
}

const LAW = '中华人民共和国劳动合同法';
const REGULATION = '中华人民共和国劳动合同法实施条例';
const TITLE = '未签书面劳动合同的二倍工资';
const CALCULATION = 'double-wages';

/** The extra wages owed under 第八十二条, with the working and the articles. */
export function computeDoubleWages(input: DoubleWagesInput): CalcOutcome {
  const inputs: InputShown[] = [];
  const assumptions = [...(input.assumptions ?? [])];
  const shown = (name: string, date?: CivilDate) => date && inputs.push({ name, value: formatIsoDate(date) });
  shown('入职日期', input.start);
  shown('签合同日期', input.signed);
  shown('离职日期', input.left);
  const ask = (missing: string, question: string): CalcOutcome => ({ kind: 'ask', calculation: CALCULATION, title: TITLE, missing, question, inputs });
  if (!input.start) return ask('start', '您是哪天开始上班的？请说年月日。');
  if (compareDates(input.start, input.today) > 0) {
    return { kind: 'refuse', calculation: CALCULATION, title: TITLE, reason: 'future-date', message: `入职日期${formatChineseDate(input.start)}在今天之后，请再核对一下。`, inputs };
  }
  if (input.left && compareDates(input.left, input.start) < 0) {
    return { kind: 'refuse', calculation: CALCULATION, title: TITLE, reason: 'order', message: `离职日期早于入职日期，请再核对一下两个日期。`, inputs };
  }
  if (input.monthlyWage === undefined) return ask('wage', '您每月工资是多少？');
  inputs.push({ name: '月工资', value: formatYuan(input.monthlyWage) });
  const from = addMonths(input.start, 1);
  const yearEnd = addMonths(input.start, 12);
  let stop: CivilDate;
  if (input.signed) stop = input.signed;
  else if (input.left) stop = addDays(input.left, 1);
  else {
    stop = addDays(input.today, 1);
    assumptions.push('没有说签合同或离职的日期，按到今天还没有签算');
  }
  const articles: Citation[] = [{ law: LAW, article: '第八十二条' }];
  const base = { kind: 'result' as const, calculation: CALCULATION, title: TITLE, assumptions, inputs };
  const changes = ['申请劳动仲裁要注意一年的仲裁时效（劳动争议调解仲裁法第二十七条），越早越好。'];
  if (compareDates(stop, from) <= 0) {
    const why = input.signed && compareDates(input.signed, input.start) <= 0 ? '上班之前就签了书面劳动合同' : '自用工之日起一个月内签了书面劳动合同';
    return {
      ...base, figure: { label: '二倍工资差额', text: formatYuan(0), fen: 0 }, how: `${why}，不属于第八十二条“超过一个月不满一年未订立”的情形，没有二倍工资。`,
      articles, changes, notes: [],
    };
  }
  const end = earlierOf(stop, yearEnd);
  const span = monthsAndDaysBetween(from, end)!;
  const amount = input.monthlyWage * span.months;
  if (!Number.isSafeInteger(amount)) throw new RangeError('computeDoubleWages: amount out of range');
  const notes: string[] = [];
  if (compareDates(stop, yearEnd) >= 0) {
    articles.push({ law: REGULATION, article: '第七条' });
    notes.push('满一年还没签的，视为已经订立无固定期限劳动合同，满一年之后不再按二倍工资算（劳动合同法实施条例第七条）。');
  }
  if (span.days > 0) notes.push(`另有${span.days}天不满一个月，按日工资折算后另加，这里没有算进去。`);
  const lastDay = addDays(end, -1);
  return {
    ...base,
    figure: { label: '二倍工资差额（另外一倍）', text: formatYuan(amount), fen: amount },
    how: `从${formatChineseDate(from)}（用工满一个月的次日）到${formatChineseDate(lastDay)}，共${span.months}个月${span.days ? `零${span.days}天` : ''}；每月另付一倍工资：${formatYuan(input.monthlyWage)} × ${span.months} = ${formatYuan(amount)}。`,
    articles,
    changes,
    notes,
  };
}
