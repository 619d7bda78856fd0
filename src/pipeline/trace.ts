/**
 * What one run of the pipeline saw and decided, step by step. The bot writes it on every
 * message; `why` (CLI and `/why`) renders it, so the explanation is the real run.
 */
import type { ReplyKind } from '../types.js';

/** One step's notes, in the order the steps ran. */
export interface TraceNote {
  step: string;
  [key: string]: unknown;
}

/** Which step produced the reply, and why. */
export interface TraceDecision {
  kind: ReplyKind;
  entry?: string;
  step: string;
  /** A stable reason code, e.g. `answer.confident`, `fallback.no-anchor`. */
  reason: string;
  /** The reason in words for staff (Chinese). */
  detail?: string;
}

/** The whole record of one run; plain data, serializable as JSON. */
export interface Trace {
  input: string;
  /** The steps that ran, in order (those whose `when` passed them over are not listed); written when tracing. */
  steps: string[];
  notes: TraceNote[];
  decision?: TraceDecision;
}

/** Creates an empty trace for a message. */
export function createTrace(input: string): Trace {
  return { input, steps: [], notes: [] };
}

/** Appends `data` under `step`, merging with that step's earlier note of this run. */
export function note(trace: Trace, step: string, data: Record<string, unknown>): void {
  const last = trace.notes.at(-1);
  if (last && last.step === step) Object.assign(last, data);
  else trace.notes.push({ step, ...data });
}

/** The note a step left, if any. */
export function noteOf(trace: Trace, step: string): TraceNote | undefined {
  return trace.notes.find((entry) => entry.step === step);
}
