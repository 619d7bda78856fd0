/**
 * The order of the steps, in one place; README "How it answers" lists the same.
 * A new capability is a new step inserted here, without editing the others.
 */
import type { Admitter } from '../service/limits/rate-limiter.js';
import type { Logger } from '../logger.js';
import type { ConversationLocks } from '../service/session/conversation-locks.js';
import type { SessionStore } from '../service/session/session-store.js';
import type { StaffCommands } from './staff-commands.js';
import type { MessageStore } from '../service/store/message-store.js';
import type { Step } from './compose-steps.js';
import { rateLimit, staffCommands } from './steps/admission.js';
import { elsewhere, followUp, matchAndDecide } from './steps/answering.js';
import { greeting, handoff, smalltalk } from './steps/conversation.js';
import { cutNote } from './steps/cut-note.js';
import { emergency } from './steps/emergency.js';
import { empty } from './steps/empty.js';
import { answerFeedback, typedVote } from './steps/feedback.js';
import { guard, type OnError } from './steps/guard.js';
import { logTurn, recordTurn } from './steps/observe.js';
import { pick } from './steps/pick.js';
import { platformInput } from './steps/platform-input.js';
import { readMessage } from './steps/read.js';
import { session } from './steps/session.js';

export interface StepOptions {
  logger: Logger;
  store: MessageStore;
  sessions: SessionStore;
  conversationLocks: ConversationLocks;
  limiter: Admitter;
  staff?: StaffCommands;
  maxMessageChars: number;
  feedbackWindowMs: number;
  turnBudgetMs: number;
  onError?: OnError;
}

/**
 * Around every message: log, record, guard errors; staff commands; then read the message and
 * check it for danger before anything can hold it up — the conversation's state (a store or
 * Redis fault, the conversation's lock), the rate limit, a pending list. Only then load the
 * session (under the conversation's lock) and admit.
 */
export function admissionSteps(options: StepOptions): Step[] {
  return [
    logTurn({ logger: options.logger, hash: (key) => options.store.hashConversation(key) }),
    recordTurn({ store: options.store }),
    guard({ budgetMs: options.turnBudgetMs, onError: options.onError }),
    staffCommands({ commands: options.staff }),
    readMessage({ maxChars: options.maxMessageChars }),
    emergency(),
    cutNote({ maxChars: options.maxMessageChars }),
    session({ sessions: options.sessions, locks: options.conversationLocks }),
    rateLimit({ limiter: options.limiter }),
  ];
}

/**
 * From the message to the reply. `beforeMatch` steps (problem triage…) run after the
 * follow-up test, on the question and its match, and before the knowledge-base decision.
 */
export function answerSteps(options: StepOptions, beforeMatch: Step[]): Step[] {
  return [
    answerFeedback({ windowMs: options.feedbackWindowMs }),
    platformInput(),
    empty(),
    greeting(),
    smalltalk(),
    handoff(),
    typedVote({ windowMs: options.feedbackWindowMs }),
    pick(),
    elsewhere(),
    followUp(),
    ...beforeMatch,
    matchAndDecide(),
  ];
}
