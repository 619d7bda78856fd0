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
import type { HandoffDesk } from '../service/handoff/handoff-desk.js';
import { calculate } from './steps/calculate.js';
import { cutNote } from './steps/cut-note.js';
import { elsewhere } from './steps/elsewhere.js';
import { emergency } from './steps/emergency.js';
import { empty } from './steps/empty.js';
import { answerFeedback } from './steps/feedback.js';
import { flow } from './steps/flow.js';
import { followUp } from './steps/follow-up.js';
import { greeting } from './steps/greeting.js';
import { guard, type OnError } from './steps/guard.js';
import { handoff } from './steps/handoff.js';
import { platformInput } from './steps/input.js';
import { logTurn } from './steps/log.js';
import { matchAndDecide } from './steps/match.js';
import { pick } from './steps/pick.js';
import { rateLimit } from './steps/rate-limit.js';
import { readMessage } from './steps/read.js';
import { relay } from './steps/relay.js';
import { referral } from './steps/referral.js';
import { recordTurn } from './steps/record.js';
import { session } from './steps/session.js';
import { smalltalk } from './steps/smalltalk.js';
import { staffCommands } from './steps/staff.js';
import { town } from './steps/town.js';
import { typedVote } from './steps/vote.js';

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
  /** The 接待 desk: handoffs to staff on duty; none = refer to 12348. */
  desk?: HandoffDesk;
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

/** From the message to the reply: the first step that answers ends the list. */
export function answerSteps(options: StepOptions): Step[] {
  return [
    relay({ desk: options.desk }),
    flow(),
    answerFeedback({ windowMs: options.feedbackWindowMs }),
    platformInput(),
    empty(),
    greeting(),
    smalltalk(),
    handoff({ desk: options.desk }),
    typedVote({ windowMs: options.feedbackWindowMs }),
    // Before pick ("5号" answers "几号?") and follow-up (which answers "还来得及吗?" after a route with the route again).
    calculate(),
    pick(),
    referral(),
    town(),
    elsewhere(),
    followUp(),
    matchAndDecide(),
  ];
}
