/**
 * 统计 of the guided flows (issue 22): per flow, how many runs started, how many reached the
 * outcome, and at which step the others stopped. Read from the flow replies' marks the store
 * keeps in `entry` (`flow:<flow>:<event>:<step>`, see {@link flowEntry}); counts only, no
 * answer and no conversation leaves this module.
 */
import type { FlowMark } from '../../types.js';

/** The `entry` a flow reply is recorded with: which flow, what happened, at which step. */
export function flowEntry(mark: FlowMark): string {
  return `flow:${mark.id}:${mark.event}:${mark.step}`;
}

/** One recorded flow reply, as a store reads it back (oldest first within a conversation). */
export interface FlowMarkRow {
  conversation: string;
  at: number;
  entry: string;
}

/** The counts of one flow. */
export interface FlowStats {
  flow: string;
  started: number;
  finished: number;
  /** Runs that stopped before the outcome, by the step last shown (`#review` for the review); 退出 included. */
  left: Record<string, number>;
}

const MARK = /^flow:([a-z0-9-]+):(start|ask|review|done|exit|paused):(.*)$/;

/**
 * Runs from the marks: a `start` opens a run (a run still open is counted as left where it
 * stood); `ask` / `review` move it on; `done` finishes it; `exit` leaves it. A run open at the
 * end of the period counts as left at its last step (it may still be resumed). `paused` (the
 * person asked something else) changes nothing.
 */
export function assembleFlowStats(rows: readonly FlowMarkRow[]): FlowStats[] {
  const stats = new Map<string, FlowStats>();
  const of = (flow: string) => {
    let found = stats.get(flow);
    if (!found) stats.set(flow, (found = { flow, started: 0, finished: 0, left: {} }));
    return found;
  };
  const leave = (flow: string, step: string) => {
    const left = of(flow).left;
    left[step] = (left[step] ?? 0) + 1;
  };
  // Conversation → flow → the step last shown of its open run.
  const open = new Map<string, Map<string, string>>();
  const sorted = [...rows].sort((a, b) => (a.conversation === b.conversation ? a.at - b.at : a.conversation < b.conversation ? -1 : 1));
  for (const row of sorted) {
    const match = MARK.exec(row.entry);
    if (!match) continue;
    const [, flow = '', event, step = ''] = match;
    const runs = open.get(row.conversation) ?? new Map<string, string>();
    open.set(row.conversation, runs);
    const current = runs.get(flow);
    if (event === 'start') {
      if (current !== undefined) leave(flow, current);
      of(flow).started += 1;
      runs.set(flow, step);
    } else if (current === undefined) {
      continue; // its start fell before the period
    } else if (event === 'ask' || event === 'review') {
      runs.set(flow, step);
    } else if (event === 'done') {
      of(flow).finished += 1;
      runs.delete(flow);
    } else if (event === 'exit') {
      leave(flow, step);
      runs.delete(flow);
    }
  }
  for (const runs of open.values()) for (const [flow, step] of runs) leave(flow, step);
  return [...stats.values()].sort((a, b) => b.started - a.started || a.flow.localeCompare(b.flow));
}
