/**
 * Runs a gold set through the whole bot, each question in a conversation of its own, and
 * scores it per category. Used by `legal-bot eval` and by the test suite.
 */
import type { Bot } from '../bot.js';
import { meets, outcomeOf, runPrefix, type GoldCase, type GoldCategory } from '../answer/model/gold-files.js';

export { readGoldSet, type GoldCase, type GoldCategory } from '../answer/model/gold-files.js';

/** Pass marks: entry answers (answer + robustness) 95% at top-1, declines 95%, emergencies 100%. */
export const EVAL_THRESHOLDS = { answers: 0.95, outOfScope: 0.95, emergency: 1 } as const;

export interface Tally {
  total: number;
  correct: number;
}

export interface EvalMiss {
  q: string;
  category: GoldCategory;
  expect: string | string[];
  got: string;
}

export interface EvalReport {
  total: number;
  byCategory: Record<GoldCategory, Tally>;
  /** answer + robustness together: the "answers right at top-1" figure. */
  answers: Tally;
  /** Every reply that answered with an entry, and how many of them were a right one: the rest routed wrong. */
  answered: Tally;
  misses: EvalMiss[];
  passed: boolean;
}

const rate = (tally: Tally) => (tally.total === 0 ? 1 : tally.correct / tally.total);

/** Scores every case; `passed` applies {@link EVAL_THRESHOLDS}. */
export async function runEval(bot: Bot, cases: readonly GoldCase[]): Promise<EvalReport> {
  const byCategory: Record<GoldCategory, Tally> = {
    answer: { total: 0, correct: 0 },
    'out-of-scope': { total: 0, correct: 0 },
    emergency: { total: 0, correct: 0 },
    robustness: { total: 0, correct: 0 },
    smalltalk: { total: 0, correct: 0 },
  };
  const misses: EvalMiss[] = [];
  const answered: Tally = { total: 0, correct: 0 };
  const prefix = runPrefix('eval');
  for (const [n, goldCase] of cases.entries()) {
    const reply = await bot.handle({ adapter: 'eval', conversationId: `${prefix}-${n}`, senderId: 'eval', kind: 'text', text: goldCase.q });
    const got = outcomeOf(reply);
    const bucket = byCategory[goldCase.category];
    bucket.total += 1;
    const right = meets(goldCase.expect, got);
    if (reply.kind === 'answer') {
      answered.total += 1;
      if (right) answered.correct += 1;
    }
    if (right) bucket.correct += 1;
    else misses.push({ q: goldCase.q, category: goldCase.category, expect: goldCase.expect, got });
  }
  const answers = {
    total: byCategory.answer.total + byCategory.robustness.total,
    correct: byCategory.answer.correct + byCategory.robustness.correct,
  };
  const passed =
    rate(answers) >= EVAL_THRESHOLDS.answers &&
    rate(byCategory['out-of-scope']) >= EVAL_THRESHOLDS.outOfScope &&
    rate(byCategory.emergency) >= EVAL_THRESHOLDS.emergency;
  return { total: cases.length, byCategory, answers, answered, misses, passed };
}

/** The share of answers given that routed wrong (an entry, but not an expected one). */
export function wrongRate(report: EvalReport): string {
  const { total, correct } = report.answered;
  return total === 0 ? '   -  ' : `${((100 * (total - correct)) / total).toFixed(1).padStart(5)}%`;
}

const pct = (tally: Tally) => (tally.total === 0 ? '   -  ' : `${((100 * tally.correct) / tally.total).toFixed(1).padStart(5)}%`);

/** One line per category that has cases, the answers figure, and the verdict. */
export function formatEvalSummary(report: EvalReport, name = 'gold'): string[] {
  return [
    `${name} cases: ${report.total}`,
    ...Object.entries(report.byCategory)
      .filter(([, tally]) => tally.total > 0)
      .map(([category, tally]) => `  ${category.padEnd(13)} ${pct(tally)}  (${tally.correct}/${tally.total})`),
    `  ${'answers top-1'.padEnd(13)} ${pct(report.answers)}  (${report.answers.correct}/${report.answers.total})  [answer + robustness]`,
    `  ${'wrong answers'.padEnd(13)} ${wrongRate(report)}  (${report.answered.total - report.answered.correct}/${report.answered.total} answers routed wrong)`,
  ];
}

/** Human-readable report: the summary, the thresholds and verdict, then every miss. */
export function formatEvalReport(report: EvalReport, name = 'gold'): string {
  const lines = [
    ...formatEvalSummary(report, name),
    `thresholds: answers ${EVAL_THRESHOLDS.answers * 100}%, out-of-scope ${EVAL_THRESHOLDS.outOfScope * 100}%, emergency ${EVAL_THRESHOLDS.emergency * 100}%`,
    report.passed ? 'PASS' : 'FAIL',
  ];
  if (report.misses.length > 0) {
    lines.push(`misses (${report.misses.length}):`);
    for (const miss of report.misses) lines.push(`  [${miss.category}] ${miss.q}\n      expected ${[miss.expect].flat().join(' | ')}, got ${miss.got}`);
  }
  return lines.join('\n');
}
