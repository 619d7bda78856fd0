/**
 * Economic compensation N (劳动合同法 第四十七条) and compensation for unlawful termination 2N
 * (第八十七条). The monthly wage is the average of the last twelve months (fewer when the
 * person worked fewer: 实施条例 第二十七条); only a wage above three times the city's average
 * of the previous year is capped at three times, and only then are the years capped at twelve
 * (第四十七条第二款). The city average is a staff-entered figure; when it is missing the result
 * says the cap was not checked.
 */
import { addMonths, compareDates, formatChineseDate, formatIsoDate, type CivilDate } from './civil-date.js';
import { averageMonthlyWage, type LocalFiguresFile } from './local-figures.js';
import { compareRatio, formatYuan, minRatio, ratio, roundToFen, times, type Fen, type Ratio } from './money.js';
import { uniqueCitations, type CalcOutcome, type Citation, type InputShown } from './result.js';
import { compensationHalfMonths, halfMonthsText, serviceBetween, serviceText, type Service } from './service.js';

/** What N and 2N are computed from. */
export interface CompensationInput {
  today: CivilDate;
  localFigures: LocalFiguresFile;
  /** The length of service, or `start` and `end` to count it from. */
  service?: Service;
  start?: CivilDate;
  /** The last day of the employment. */
  end?: CivilDate;
  /** The average monthly wage of the last twelve months, or `monthlyWages` to average. */
  monthlyWage?: Fen;
  /** The wages of the last months (at most twelve), averaged exactly. */
  monthlyWages?: Fen[];
  assumptions?: string[];
}

const CONTRACT_LAW = '中华人民共和国劳动合同法';
const REGULATION = '中华人民共和国劳动合同法实施条例';
const at = (law: string, article: string): Citation => ({ law, article });

interface Basis {
  service: Service;
  wage: Ratio;
  inputs: InputShown[];
  assumptions: string[];
  notes: string[];
  articles: Citation[];
}

function basis(input: CompensationInput, calculation: string, title: string): Basis | CalcOutcome {
  const inputs: InputShown[] = [];
  const assumptions = [...(input.assumptions ?? [])];
  const refuse = (reason: 'order' | 'future-date', message: string): CalcOutcome => ({ kind: 'refuse', calculation, title, reason, message, inputs });
  if (input.start) inputs.push({ name: '入职日期', value: formatIsoDate(input.start) });
  if (input.end) inputs.push({ name: '离职日期', value: formatIsoDate(input.end) });
  if (input.start && compareDates(input.start, input.today) > 0) return refuse('future-date', `入职日期${formatChineseDate(input.start)}在今天之后，请再核对一下。`);
  let service = input.service;
  if (!service && input.start && input.end) {
    service = serviceBetween(input.start, input.end);
    if (!service) return refuse('order', `离职日期（${formatChineseDate(input.end)}）早于入职日期（${formatChineseDate(input.start)}），请再核对一下两个日期。`);
    assumptions.push('入职当天和离职当天都算工作日');
  }
  if (!service) return { kind: 'ask', calculation, title, missing: 'service', question: '您在这家单位一共做了多久？（比如“3年8个月”，或者告诉我入职和离职的日期）', inputs };
  inputs.push({ name: '工作年限', value: serviceText(service) });
  const wages = input.monthlyWages?.slice(-12) ?? [];
  const articles: Citation[] = [];
  let wage: Ratio;
  if (wages.length > 0) {
    wage = ratio(wages.reduce((sum, fen) => sum + BigInt(fen), 0n), wages.length);
    if (wages.length < 12) articles.push(at(REGULATION, '第二十七条'));
  } else if (input.monthlyWage !== undefined) {
    wage = ratio(input.monthlyWage);
    assumptions.push('把您说的月工资当作离职前12个月的平均工资（含奖金、津贴、补贴）');
  } else return { kind: 'ask', calculation, title, missing: 'wage', question: '您离职前12个月平均每月工资是多少？（税前，含奖金、津贴、补贴）', inputs };
  inputs.push({ name: '月工资', value: formatYuan(roundToFen(wage)) });
  return { service, wage, inputs, assumptions, notes: [], articles };
}

/** N or 2N (`multiplier` 1 or 2) with the article, the one-line working and what would change it. */
function compute(input: CompensationInput, multiplier: 1 | 2): CalcOutcome {
  const calculation = multiplier === 2 ? 'unlawful-termination' : 'compensation';
  const title = multiplier === 2 ? '违法解除劳动合同的赔偿金（2N）' : '经济补偿（N）';
  const found = basis(input, calculation, title);
  if ('kind' in found) return found;
  const { service, wage, inputs, assumptions, notes, articles } = found;
  let halfMonths = compensationHalfMonths(service);
  const endYear = (input.end ?? input.today).year;
  const average = averageMonthlyWage(input.localFigures, endYear - 1);
  if (!input.end && average) assumptions.push(`没有说离职日期，按${input.today.year}年离职、用${average.year}年度的平均工资核对三倍封顶`);
  let base = wage;
  let capText = '';
  if (!average) {
    notes.push(`还没有录入${input.localFigures.place}${endYear - 1}年度职工月平均工资，没有核对三倍封顶：只有月工资高于它的三倍时，才按三倍计算、年限最多12年（第四十七条第二款）。`);
  } else if (compareRatio(wage, ratio(average.fen * 3)) > 0) {
    base = minRatio(wage, ratio(average.fen * 3));
    halfMonths = Math.min(halfMonths, 24);
    capText = `（月工资高于${input.localFigures.place}${average.year}年度职工月平均工资${formatYuan(average.fen)}的三倍，按三倍${formatYuan(average.fen * 3)}计算，年限最多12年）`;
    articles.push(at(CONTRACT_LAW, '第四十七条第二款'));
  }
  const n = times(base, ratio(halfMonths, 2));
  const amount = roundToFen(times(n, ratio(multiplier)));
  const nText = formatYuan(roundToFen(n));
  const months = halfMonthsText(halfMonths);
  const rest = service.months >= 6 ? `剩下${service.months}个月满6个月按1个月算` : service.months || service.days || service.someDays ? '剩下不满6个月的按半个月算' : '';
  const how =
    `工作${serviceText(service)}，按${months}个月工资计算（满1年算1个月${rest ? `，${rest}` : ''}）；` +
    `${formatYuan(roundToFen(base))} × ${months} = ${nText}${capText}` +
    (multiplier === 2 ? `；违法解除按二倍：${nText} × 2 = ${formatYuan(amount)}。` : '。');
  if (input.start && compareDates(input.start, { year: 2008, month: 1, day: 1 }) < 0) {
    notes.push(
      multiplier === 2
        ? '2008年以前的工作年限也算在内：赔偿金的计算年限自用工之日起计算（劳动合同法实施条例第二十五条）。'
        : '有2008年以前的工作年限：那一段是否给经济补偿、怎么算，按当时的规定（劳动合同法第九十七条第三款），结果可能不同。',
    );
    articles.push(multiplier === 2 ? at(REGULATION, '第二十五条') : at(CONTRACT_LAW, '第九十七条第三款'));
  } else if (input.end && compareDates(addMonths(input.end, -(service.years * 12 + service.months)), { year: 2008, month: 1, day: 1 }) < 0 && !input.start) {
    notes.push('工作年限从2008年以前开始的，2008年以前那一段按当时的规定处理，结果可能不同（劳动合同法第九十七条第三款；赔偿金见实施条例第二十五条）。');
  }
  const other = roundToFen(times(n, ratio(multiplier === 2 ? 1 : 2)));
  const changes =
    multiplier === 2
      ? [`如果解除是合法的、属于应当给经济补偿的情形，拿的是经济补偿 ${formatYuan(other)}（第四十七条、第四十六条）。`, '如果您要求继续履行劳动合同、单位也能继续履行的，就不再支付赔偿金（第四十八条）。']
      : [`如果单位解除劳动合同违法（没有法定理由或者不符合法定程序），赔偿金是二倍，即 ${formatYuan(other)}（第八十七条）。`, '是否应当给经济补偿，要看劳动合同怎么结束的（第四十六条）：例如单位提出协商解除、裁员、合同到期单位不续签的有；您自己主动辞职（单位没有违法）的一般没有。'];
  changes.push('月工资按离职前12个月的平均工资算，包括奖金、津贴和补贴；低于当地最低工资标准的，按最低工资标准算（劳动合同法实施条例第二十七条）。');
  return {
    kind: 'result',
    calculation,
    title,
    figure: { label: multiplier === 2 ? '赔偿金' : '经济补偿', text: formatYuan(amount), fen: amount },
    how,
    articles: uniqueCitations(multiplier === 2 ? [at(CONTRACT_LAW, '第八十七条')] : [], [at(CONTRACT_LAW, '第四十七条')], articles),
    changes,
    assumptions,
    notes,
    inputs,
  };
}

/** Economic compensation N (劳动合同法 第四十七条). */
export function computeCompensation(input: CompensationInput): CalcOutcome {
  return compute(input, 1);
}

/** Compensation for unlawful termination 2N (劳动合同法 第八十七条). */
export function computeUnlawfulTermination(input: CompensationInput): CalcOutcome {
  return compute(input, 2);
}
