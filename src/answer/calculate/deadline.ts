/**
 * A deadline: the last day of a period that runs from a past event, by a rule of
 * deadlines.yaml, counted as period.ts counts and said with its articles. A start date in the
 * future is refused politely (a period cannot run from what has not happened); a later
 * demand restarts a period that a demand interrupts.
 */
import { compareDates, formatChineseDate, formatIsoDate, isWeekend, toDayNumber, type CivilDate } from './civil-date.js';
import type { CountingRules, DeadlineRule } from './deadline-rules.js';
import { coveredYears, type HolidayCalendar } from './holidays.js';
import { periodEnd, type Period } from './period.js';
import { uniqueCitations, type CalcOutcome, type Citation, type InputShown } from './result.js';

/** What a deadline is computed from. */
export interface DeadlineInput {
  rule: DeadlineRule;
  counting: CountingRules;
  calendar: HolidayCalendar;
  today: CivilDate;
  /** The event the period runs from; missing → the rule's one question. */
  event?: CivilDate;
  /** A later date that restarts the period (the last demand), when the rule has one. */
  restart?: CivilDate;
  /** Assumptions made reading the dates (the year of 3月2号 …). */
  assumptions?: string[];
}

const UNIT_TEXT: Record<Period['unit'], string> = { day: '日', month: '个月', year: '年', workday: '个工作日' };

/** 1年, 6个月, 15日, 3个工作日. */
export function periodText(period: Period): string {
  return `${period.amount}${UNIT_TEXT[period.unit]}`;
}

function refuseFuture(rule: DeadlineRule, date: CivilDate, today: CivilDate, what: string, inputs: InputShown[]): CalcOutcome {
  return {
    kind: 'refuse',
    calculation: `deadline:${rule.id}`,
    title: rule.title,
    reason: 'future-date',
    message: `您说的${what}${formatChineseDate(date)}在今天（${formatChineseDate(today)}）之后。这个期限从${rule.trigger}起算，请再核对一下日期；如果事情还没有发生，等发生后再算。`,
    inputs,
  };
}

/** The deadline of `input.rule`: its last day, how it was counted, its articles and cautions. */
export function computeDeadline(input: DeadlineInput): CalcOutcome {
  const { rule, today } = input;
  const calculation = `deadline:${rule.id}`;
  const inputs: InputShown[] = [];
  if (input.event) inputs.push({ name: '起算日', value: formatIsoDate(input.event) });
  if (input.restart) inputs.push({ name: rule.restart?.what ?? '重新起算日', value: formatIsoDate(input.restart) });
  const assumptions = [...(input.assumptions ?? [])];
  if (rule.period === null) {
    return {
      kind: 'result', calculation, title: rule.title, figure: { label: rule.label, text: '在职期间不受一年限制' },
      how: rule.statement ?? '', articles: rule.articles, changes: rule.changes, assumptions, notes: [], inputs,
    };
  }
  if (!input.event) return { kind: 'ask', calculation, title: rule.title, missing: 'trigger', question: rule.triggerAsk, inputs };
  if (compareDates(input.event, today) > 0) return refuseFuture(rule, input.event, today, '日期', inputs);
  let start = input.event;
  const restartArticles: Citation[] = [];
  if (input.restart && rule.restart) {
    if (compareDates(input.restart, today) > 0) return refuseFuture(rule, input.restart, today, '催要日期', inputs);
    if (compareDates(input.restart, start) > 0) {
      start = input.restart;
      restartArticles.push(...rule.restart.articles);
      assumptions.push(`从${formatChineseDate(start)}（${rule.restart.what}）重新计算`);
    }
  }
  const counting = input.counting[rule.counting];
  const end = periodEnd(start, rule.period, input.calendar);
  const last = formatChineseDate(end.last, true);
  const counted = `从${formatChineseDate(start)}的第二天起算${periodText(rule.period)}`;
  const how = end.moved
    ? `${counted}，本应到${formatChineseDate(end.nominal, true)}届满，这天是法定休假日，顺延到${last}。`
    : `${counted}，到${last}届满。`;
  const notes: string[] = [];
  for (const year of end.uncheckedYears) {
    const covered = coveredYears(input.calendar);
    const have = covered.length ? `节假日数据只有${covered[0]}—${covered.at(-1)}年` : '还没有节假日数据';
    notes.push(
      rule.period.unit === 'workday'
        ? `没有核对${year}年的节假日（${have}），上面只扣除了周末；规则是${counting.text}。实际日期请向办理机关核实。`
        : `没有核对${year}年的节假日（${have}）。规则是：${counting.text}。按上面的日期办理不会晚。`,
    );
  }
  if (end.uncheckedYears.includes(end.last.year) && isWeekend(end.last) && rule.period.unit !== 'workday') {
    notes.push('这一天是周末：如果当天不是调休上班日，期限顺延到之后的第一个工作日；为稳妥，最好在这之前的工作日办理。');
  }
  const passed = compareDates(end.last, today) < 0;
  if (passed) notes.push(rule.whenPassed);
  else {
    const left = toDayNumber(end.last) - toDayNumber(today);
    notes.push(left === 0 ? '今天就是最后一天。' : `今天是${formatChineseDate(today)}，离最后一天还有${left}天。`);
  }
  return {
    kind: 'result',
    calculation,
    title: rule.title,
    figure: { label: rule.label, text: last, date: formatIsoDate(end.last) },
    how,
    articles: uniqueCitations(rule.articles, restartArticles, counting.articles, passed ? rule.passedArticles : []),
    changes: rule.changes,
    assumptions,
    notes,
    inputs,
    status: passed ? 'passed' : 'open',
  };
}
