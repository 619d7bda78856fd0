/**
 * The one object a message's steps share: the message, the conversation's state before and
 * after, the reply once a step made it, and the trace every step writes to.
 */
import type { Engine, ReadMessage } from '../answer/engine.js';
import type { Logger } from '../logger.js';
import type { MatchResult } from '../answer/match/matcher.js';
import type { SessionState } from '../answer/dialog/session-state.js';
import type { Vote } from '../answer/dialog/votes.js';
import type { InboundMessage, Reply } from '../types.js';
import { createTrace, note, type Trace } from './trace.js';

export interface TurnContext {
  readonly message: InboundMessage;
  /** The conversation key (adapter, conversation, and the sender in groups). */
  readonly key: string;
  /** When the core saw the message (ms since the epoch). */
  readonly at: number;
  /** The engine of the knowledge base in use when the message arrived (a reload swaps the next). */
  readonly engine: Engine;
  /** A staff `why`: nothing is counted, recorded or remembered. */
  readonly dryRun: boolean;
  /** The conversation's state is read (every real turn; a staff `/why` asked inside a chat). */
  readonly readsState: boolean;
  /**
   * The trace will be read (a `run`, such as `why`): steps' notes and the decision's detail are
   * worked out. Off for `handle`, whose trace nobody reads; the decision itself is always kept.
   */
  readonly tracing: boolean;
  log: Logger;
  /** The step running now (set by the runner). */
  step: string;
  /** What the conversation remembered before this message. */
  state: SessionState;
  /** What it will remember after it; steps that answer replace it. */
  next: SessionState;
  reply?: Reply;
  trace: Trace;
  /** The message cleaned, cut and normalized (set by the `read` step). */
  read?: ReadMessage;
  /** The question as matched: normalized, leading greeting and fillers removed. */
  question?: string;
  /** The question as the person wrote it, kept (masked) only where the store keeps questions. */
  asked?: string;
  /** For clarify and fallback: the entry the question came closest to. */
  nearest?: string;
  vote?: Vote;
  /** The match of the question, once a step computed it (shared so it runs once). */
  match?: MatchResult;
  /** Notes `data` (or what the function gives, called only when tracing) in the trace under the running step. */
  note(data: Record<string, unknown> | (() => Record<string, unknown>)): void;
  /** Sets the reply, attributed to the running step with a reason code and staff detail (a function is called only when tracing). */
  finish(reply: Reply, reason: string, detail?: string | (() => string)): void;
}

/** Creates the context of one message. */
export function createTurn(init: {
  message: InboundMessage;
  key: string;
  at: number;
  engine: Engine;
  dryRun: boolean;
  readsState: boolean;
  tracing: boolean;
  log: Logger;
  state: SessionState;
}): TurnContext {
  const trace: Trace = createTrace(init.message.kind === 'text' ? init.message.text : `[${init.message.kind}]`);
  const ctx: TurnContext = {
    ...init,
    step: '',
    next: init.state,
    trace,
    note(data) {
      if (init.tracing) note(trace, ctx.step, typeof data === 'function' ? data() : data);
    },
    finish(reply, reason, detail) {
      ctx.reply = reply;
      const said = init.tracing && typeof detail === 'function' ? detail() : detail;
      trace.decision = {
        kind: reply.kind,
        ...(reply.entryId ? { entry: reply.entryId } : {}),
        step: ctx.step,
        reason,
        ...(init.tracing && typeof said === 'string' && said ? { detail: said } : {}),
      };
    },
  };
  return ctx;
}
