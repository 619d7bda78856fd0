/**
 * Runs a gold set through the whole bot, each question in a conversation of its own, and
 * scores it per category. Used by `legal-bot eval` and by the test suite.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import type { Bot } from '../bot.js';
import { BotError, ErrorCodes } from '../errors.js';

const GoldCaseSchema = z.object({
  q: z.string(),
  expect: z.string().min(1),
  category: z.enum(['answer', 'out-of-scope', 'emergency', 'robustness']),
});
export type GoldCase = z.infer<typeof GoldCaseSchema>;
export type GoldCategory = GoldCase['category'];

/** Pass marks: entry answers (answer + robustness) 95% at top-1, declines 95%, emergencies 100%. */
export const EVAL_THRESHOLDS = { answers: 0.95, outOfScope: 0.95, emergency: 1 } as const;

export interface EvalMiss {
  q: string;
  category: GoldCategory;
  expect: string;
  got: string;
}

export interface EvalReport {
  total: number;
  byCategory: Record<GoldCategory, { total: number; correct: number }>;
  /** answer + robustness together: the "answers right at top-1" figure. */
  answers: { total: number; correct: number };
  misses: EvalMiss[];
  passed: boolean;
}

/** Reads and validates a gold file. @throws BotError QLB_EVAL_FILE_INVALID */
export function readGoldSet(file: string): GoldCase[] {
  const parsed = z.array(GoldCaseSchema).safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new BotError(ErrorCodes.EVAL_FILE_INVALID, `${file} is not a valid gold set`, details);
  }
  return parsed.data;
}

/** What the reply amounted to, in the gold set's terms. */
function outcome(kind: string, entryId: string | undefined): string {
  if (kind === 'answer') return entryId ?? 'answer';
  return kind;
}

/** Scores every case; `passed` applies {@link EVAL_THRESHOLDS}. */
export async function runEval(bot: Bot, cases: readonly GoldCase[]): Promise<EvalReport> {
  const byCategory: EvalReport['byCategory'] = {
    answer: { total: 0, correct: 0 },
    'out-of-scope': { total: 0, correct: 0 },
    emergency: { total: 0, correct: 0 },
    robustness: { total: 0, correct: 0 },
  };
  const misses: EvalMiss[] = [];
  let n = 0;
  for (const goldCase of cases) {
    n += 1;
    const reply = await bot.handle({
      adapter: 'eval',
      conversationId: `eval-${n}`,
      senderId: 'eval',
      kind: 'text',
      text: goldCase.q,
    });
    const got = outcome(reply.kind, reply.entryId);
    const bucket = byCategory[goldCase.category];
    bucket.total += 1;
    if (got === goldCase.expect) bucket.correct += 1;
    else misses.push({ q: goldCase.q, category: goldCase.category, expect: goldCase.expect, got });
  }
  const answers = {
    total: byCategory.answer.total + byCategory.robustness.total,
    correct: byCategory.answer.correct + byCategory.robustness.correct,
  };
  const rate = (bucket: { total: number; correct: number }) => (bucket.total === 0 ? 1 : bucket.correct / bucket.total);
  const passed =
    rate(answers) >= EVAL_THRESHOLDS.answers &&
    rate(byCategory['out-of-scope']) >= EVAL_THRESHOLDS.outOfScope &&
    rate(byCategory.emergency) >= EVAL_THRESHOLDS.emergency;
  return { total: cases.length, byCategory, answers, misses, passed };
}

/** Human-readable report: one line per category, then every miss. */
export function formatEvalReport(report: EvalReport): string {
  const pct = (b: { total: number; correct: number }) =>
    b.total === 0 ? '   -  ' : `${((100 * b.correct) / b.total).toFixed(1).padStart(5)}%`;
  const lines = [
    `gold cases: ${report.total}`,
    ...Object.entries(report.byCategory).map(
      ([name, b]) => `  ${name.padEnd(13)} ${pct(b)}  (${b.correct}/${b.total})`,
    ),
    `  ${'answers top-1'.padEnd(13)} ${pct(report.answers)}  (${report.answers.correct}/${report.answers.total})  [answer + robustness]`,
    `thresholds: answers ${EVAL_THRESHOLDS.answers * 100}%, out-of-scope ${EVAL_THRESHOLDS.outOfScope * 100}%, emergency ${EVAL_THRESHOLDS.emergency * 100}%`,
    report.passed ? 'PASS' : 'FAIL',
  ];
  if (report.misses.length > 0) {
    lines.push(`misses (${report.misses.length}):`);
    for (const miss of report.misses) lines.push(`  [${miss.category}] ${miss.q}\n      expected ${miss.expect}, got ${miss.got}`);
  }
  return lines.join('\n');
}
