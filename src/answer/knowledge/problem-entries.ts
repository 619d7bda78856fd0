/**
 * Problems as entries: a problem's situations become sample questions, its cues keywords,
 * and its route (first step, if that fails, evidence, time limits) the answer text, so the
 * matcher, the fact checks and the reply composer serve problems like any entry.
 */
import { PROBLEMS_TOPIC, type Entry } from './knowledge-base.js';
import type { Meta, ProblemData } from './schema.js';

/** The answer text of a problem under the knowledge base's headings. */
export function problemAnswer(problem: ProblemData, messages: Meta['messages']): string {
  const lines: string[] = [];
  if (problem.safety) lines.push(problem.safety.trim());
  lines.push(`${messages.problemFirst}${problem.first.trim()}`);
  if (problem.then.length > 0) lines.push(messages.problemThen, ...problem.then.map((step) => `· ${step.trim()}`));
  if (problem.evidence.length > 0) lines.push(`${messages.problemEvidence}${problem.evidence.join('、')}`);
  if (problem.deadlines.length > 0) lines.push(messages.problemDeadlines, ...problem.deadlines.map((limit) => `· ${limit.trim()}`));
  return lines.join('\n');
}

/** The entry a problem is matched and answered as. */
export function problemToEntry(problem: ProblemData, file: string, messages: Meta['messages']): Entry {
  return {
    id: problem.id,
    topic: PROBLEMS_TOPIC,
    aspect: 'overview',
    title: problem.title,
    questions: problem.situations,
    keywords: problem.cues,
    answer: problemAnswer(problem, messages),
    source: problem.source,
    related: problem.next,
    file,
    problem,
  };
}
