/**
 * The answering core: `handle(message) → Reply`, an ordered list of named steps over one
 * context (see {@link buildSteps}); each step writes what it saw and decided to the trace,
 * which `why` renders. Platform-free; adapters call it.
 */
import type { Engine } from './answer/engine.js';
import { createRateLimiter, type Admitter } from './service/limits/rate-limiter.js';
import { maskLogsWith, type Logger } from './logger.js';
import { runSteps } from './pipeline/compose-steps.js';
import { createTurn } from './pipeline/context.js';
import { admissionSteps, answerSteps, type StepOptions } from './pipeline/step-list.js';
import type { OnError } from './pipeline/steps/guard.js';
import type { Trace } from './pipeline/trace.js';
import { createMemoryConversationLocks, type ConversationLocks } from './service/session/conversation-locks.js';
import { createMemorySessionStore, type SessionStore } from './service/session/session-store.js';
import type { StaffCommands } from './pipeline/staff-commands.js';
import { createNoopStore, type MessageStore } from './service/store/message-store.js';
import type { InboundMessage, Reply } from './types.js';
import type { HandoffDesk } from './service/handoff/handoff-desk.js';
import { systemClock, type Clock } from './service/time/clock.js';

export interface BotOptions {
  engine: Engine;
  logger: Logger;
  maxMessageChars: number;
  sessionIdleMs: number;
  sessions?: SessionStore;
  /** Each conversation's lock from reading its state to writing it; in this process by default. */
  conversationLocks?: ConversationLocks;
  /** Conversations kept in memory at most (LRU), when `sessions` is not given. */
  sessionMax?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
  /** Where handled messages and feedback are recorded; nothing is kept by default. */
  store?: MessageStore;
  /** Messages per conversation per minute; unlimited when unset or 0. */
  ratePerMinute?: number;
  /** Counts messages per conversation instead of an in-memory limiter of `ratePerMinute` (Redis, shared by instances). */
  limiter?: Admitter;
  /** How long after an answer a bare 1 / 0 rates it (adapters without buttons); off when unset or 0. */
  feedbackWindowMs?: number;
  /** Staff commands (`/why`, `/reload`), tried first for every message. */
  staff?: StaffCommands;
  /** Longest a turn may wait (store, staff command) before the safe reply; default 10 s. */
  turnBudgetMs?: number;
  /** Told of every failed turn after the safe reply is set; logs by default. */
  onError?: OnError;
  /** The 接待 desk (handoffs to staff on duty). */
  desk?: HandoffDesk;
}

/** A run of the pipeline with its trace. */
export interface Run {
  reply: Reply;
  trace: Trace;
}

/** How {@link Bot.run} runs a message. */
export interface RunOptions {
  dryRun?: boolean;
  inConversation?: boolean;
}

export interface Bot {
  /** Answers one message; never rejects (a failure gets the safe reply, logged once). */
  handle(message: InboundMessage): Promise<Reply>;
  /**
   * Runs the same steps on `message` and returns the reply with its trace. With `dryRun` the
   * message is seen as a new person's: nothing is limited, recorded or remembered; with
   * `inConversation` too, it is read in its conversation as it stands (still nothing is saved).
   */
  run(message: InboundMessage, options?: RunOptions): Promise<Run>;
  /** The names of the steps, in the order they run. */
  readonly steps: readonly string[];
  /** The engine in use; replaced whole by {@link Bot.swapEngine}. */
  readonly engine: Engine;
  /** Serves a new knowledge base from the next message on. */
  swapEngine(engine: Engine): void;
}

/** Creates the bot around an engine; log lines are masked with the engine's masker from now on. */
export function createBot(options: BotOptions): Bot {
  let engine = options.engine;
  maskLogsWith(engine.mask);
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const store = options.store ?? createNoopStore();
  const stepOptions: StepOptions = {
    logger: options.logger,
    store,
    sessions:
      options.sessions ?? createMemorySessionStore({ idleMs: options.sessionIdleMs, max: options.sessionMax, clock }),
    conversationLocks: options.conversationLocks ?? createMemoryConversationLocks(),
    limiter: options.limiter ?? createRateLimiter({ limit: options.ratePerMinute ?? 0, maxKeys: options.sessionMax, clock }),
    staff: options.staff,
    maxMessageChars: options.maxMessageChars,
    feedbackWindowMs: options.feedbackWindowMs ?? 0,
    turnBudgetMs: options.turnBudgetMs ?? 10_000,
    onError: options.onError,
    desk: options.desk,
  };
  const steps = [...admissionSteps(stepOptions), ...answerSteps(stepOptions)];

  /** `tracing`: the steps' notes are worked out only for a run whose trace is read (run, why), not for handle. */
  const turn = async (message: InboundMessage, runOptions: RunOptions, tracing: boolean): Promise<Run> => {
    const ctx = createTurn({
      message,
      key: conversationKey(message),
      at: now(),
      engine,
      dryRun: runOptions.dryRun === true,
      readsState: runOptions.dryRun !== true || runOptions.inConversation === true,
      tracing,
      log: options.logger,
      state: {},
    });
    await runSteps(steps, ctx);
    const reply = ctx.reply ?? engine.compose.error();
    return { reply, trace: ctx.trace };
  };

  return {
    steps: steps.map((s) => s.name),
    get engine() {
      return engine;
    },
    swapEngine(next) {
      engine = next;
      maskLogsWith(next.mask);
    },
    run: (message, runOptions = {}) => turn(message, runOptions, true),
    async handle(message) {
      return (await turn(message, {}, false)).reply;
    },
  };
}

/** In groups every sender has a conversation of their own. */
export function conversationKey(message: InboundMessage): string {
  const base = `${message.adapter}:${message.conversationId}`;
  return message.isGroup ? `${base}:${message.senderId}` : base;
}
