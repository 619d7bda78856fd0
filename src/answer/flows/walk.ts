/**
 * The walk through a flow, in the manner of docassemble's "checklist, not a flowchart": from
 * the answers so far, the steps on the person's path (in file order, those whose `when` holds,
 * following forward jumps) and the first of them still to answer. Going back or editing an
 * answer only changes which step is asked next; the path is worked out again every turn, so an
 * answer that no longer lies on the path counts for nothing and is never lost.
 */
import type { Flow, FlowStep, FlowWhen } from '../knowledge/flow-schema.js';

/** Where one conversation stands in a flow (kept in the session; typed values masked). */
export interface FlowProgress {
  id: string;
  /** Step id → the choice id picked, or `given` / `skipped` for a typed answer. */
  answers: Record<string, string>;
  /** Step id → a typed answer: a date `YYYY-MM-DD`, an amount in fen, or short text (masked). */
  values: Record<string, string>;
  /** A step asked again (back, or an edit from the review) though it has an answer. */
  pending?: string;
  /** Left for an unrelated question; "继续" resumes. */
  paused?: boolean;
  /** The review was shown: the next "确认" gives the outcome. */
  reviewing?: boolean;
}

/** The person's path: the answered steps on it, in order, and the step to ask now (none: all answered). */
export interface Walk {
  path: FlowStep[];
  current?: FlowStep;
  /** The answers of the steps on the path only. */
  answers: Record<string, string>;
}

/** Whether `when` holds for `answers` (every listed step answered with one of its listed ids). */
export function holds(when: FlowWhen, answers: Readonly<Record<string, string>>): boolean {
  if (!when) return true;
  return Object.entries(when).every(([step, ids]) => {
    const answer = answers[step];
    return answer !== undefined && ids.includes(answer);
  });
}

/** The step a step's answer leads to: a choice's jump, the step's own jump, or the next in order. */
export function nextIndex(flow: Flow, index: number, answer: string | undefined): number {
  const step = flow.steps[index] as FlowStep;
  const jump = step.choices?.find((choice) => choice.id === answer)?.next ?? step.next;
  const target = jump ? flow.steps.findIndex((s) => s.id === jump) : -1;
  // A jump back (a loop, refused by check) or to nowhere goes on in order: the walk always ends.
  return target > index ? target : index + 1;
}

/** Walks `flow` with `progress`. */
export function walk(flow: Flow, progress: Pick<FlowProgress, 'answers' | 'pending'>): Walk {
  const path: FlowStep[] = [];
  const answers: Record<string, string> = {};
  let index = 0;
  while (index < flow.steps.length) {
    const step = flow.steps[index] as FlowStep;
    if (!holds(step.when, answers)) {
      index += 1;
      continue;
    }
    const answer = progress.answers[step.id];
    if (answer === undefined || progress.pending === step.id) return { path, current: step, answers };
    path.push(step);
    answers[step.id] = answer;
    index = nextIndex(flow, index, answer);
  }
  return { path, answers };
}

/** The first item whose `when` holds for the path's answers. */
export function firstHolding<T extends { when?: FlowWhen }>(items: readonly T[], answers: Readonly<Record<string, string>>): T | undefined {
  return items.find((item) => holds(item.when, answers));
}

/** Every item whose `when` holds for the path's answers. */
export function allHolding<T extends { when?: FlowWhen }>(items: readonly T[], answers: Readonly<Record<string, string>>): T[] {
  return items.filter((item) => holds(item.when, answers));
}

/** The step answered just before `stepId` on the path (for 上一步), or the last one when `stepId` is not on it. */
export function stepBefore(walked: Walk, stepId: string | undefined): FlowStep | undefined {
  const at = stepId ? walked.path.findIndex((step) => step.id === stepId) : -1;
  return at < 0 ? walked.path[walked.path.length - 1] : walked.path[at - 1];
}
