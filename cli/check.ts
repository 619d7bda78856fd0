/**
 * `legal-bot check`: validates a knowledge folder and reports, in Chinese for staff (or as
 * JSON with --json), every problem by file, entry, field, offending text and rule.
 */
import { performance } from 'node:perf_hooks';
import { checkKnowledge } from '../src/answer/knowledge/load-knowledge.js';
import { formatProblem, type KnowledgeProblem } from '../src/answer/knowledge/knowledge-base.js';
import { FACT_RULE_CODES, FACT_RULES, type FactRule } from '../src/answer/knowledge/fact-rules.js';
import type { PinnedSource } from '../src/answer/knowledge/source-manifest.js';
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
  /**
   * The pinned sources (sources/manifest.yaml): each file with its checksum, official version and
   * date, and who reviewed it when. A source changes only with its line here, so a review of a
   * change reads it in this list.
   */
  sources: readonly PinnedSource[];
}

/** Runs the check on `dir`. */
export function runCheck(dir: string): CheckReport {
  const started = performance.now();
  const { knowledge, problems, sources = [] } = checkKnowledge(dir);
  const ms = Math.round((performance.now() - started) * 10) / 10;
  const localRules: Record<string, string> = LOCAL_FACT_RULES;
  const withRules = problems.map((problem) =>
    problem.rule && problem.rule in FACT_RULES
      ? { ...problem, code: FACT_RULE_CODES[problem.rule as FactRule], ruleText: FACT_RULES[problem.rule as FactRule] }
      : problem.rule && problem.rule in localRules
        ? { ...problem, ruleText: localRules[problem.rule] }
        : problem,
  );
  if (!knowledge) return { ok: false, dir, ms, problems: withRules, sources };
  return {
    ok: true,
    dir,
    ms,
    topics: knowledge.topics.length,
    entries: knowledge.entries.length,
    questions: knowledge.entries.reduce((sum, entry) => sum + entry.questions.length, 0),
    problems: [],
    sources,
  };
}

/** The report as staff read it. */
export function formatCheck(report: CheckReport): string {
  if (report.ok) {
    const reviewed = report.sources.map((pin) => pin.reviewed.date).sort().at(-1) ?? '';
    return `知识库 ${report.dir}:检查通过 —— ${report.topics} 个主题,${report.entries} 条答案,${report.questions} 个示例问题;${report.sources.length} 个来源文件与来源清单的校验和一致(最近复核 ${reviewed})(用时 ${report.ms} 毫秒)`;
  }
  const lines = report.problems.map((problem) => `  ${formatProblem(problem)}${problem.code ? ` [${problem.code}]` : ''}`);
  return [`知识库 ${report.dir}:发现 ${report.problems.length} 个问题,没有通过检查:`, ...lines].join('\n');
}
