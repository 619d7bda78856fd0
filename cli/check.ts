/**
 * `legal-bot check`: validates a knowledge folder and reports, in Chinese for staff (or as
 * JSON with --json), every problem by file, entry, field, offending text and rule.
 */
import { performance } from 'node:perf_hooks';
import { checkKnowledge } from '../src/answer/knowledge/load-knowledge.js';
import { formatProblem, type KnowledgeProblem } from '../src/answer/knowledge/knowledge-base.js';
import { FACT_RULES } from '../src/answer/knowledge/fact-rules.js';
import { LOCAL_FACT_RULES } from '../src/answer/knowledge/local-facts.js';

/** What `check --json` prints. */
export interface CheckReport {
  ok: boolean;
  dir: string;
  /** Time the check took, in milliseconds. */
  ms: number;
  topics?: number;
  entries?: number;
  questions?: number;
  /** Each problem with, when it broke an honesty rule, that rule in words (`ruleText`). */
  problems: Array<KnowledgeProblem & { ruleText?: string }>;
}

/** Runs the check on `dir`. */
export function runCheck(dir: string): CheckReport {
  const started = performance.now();
  const { knowledge, problems } = checkKnowledge(dir);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const rules: Record<string, string> = { ...FACT_RULES, ...LOCAL_FACT_RULES };
  const withRules = problems.map((problem) => (problem.rule && problem.rule in rules ? { ...problem, ruleText: rules[problem.rule] } : problem));
  if (!knowledge) return { ok: false, dir, ms, problems: withRules };
  return {
    ok: true,
    dir,
    ms,
    topics: knowledge.topics.length,
    entries: knowledge.entries.length,
    questions: knowledge.entries.reduce((sum, entry) => sum + entry.questions.length, 0),
    problems: [],
  };
}

/** The report as staff read it. */
export function formatCheck(report: CheckReport): string {
  if (report.ok) {
    return `知识库 ${report.dir}:检查通过 —— ${report.topics} 个主题,${report.entries} 条答案,${report.questions} 个示例问题(用时 ${report.ms} 毫秒)`;
  }
  const lines = report.problems.map((problem) => `  ${formatProblem(problem)}`);
  return [`知识库 ${report.dir}:发现 ${report.problems.length} 个问题,没有通过检查:`, ...lines].join('\n');
}
