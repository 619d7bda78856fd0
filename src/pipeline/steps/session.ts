/**
 * Loads the conversation's state before the turn and saves what the turn decided after it,
 * holding the conversation's lock in between, so two messages of one conversation in flight at
 * once are read and written one after the other (a lock not obtained in time is logged and
 * the turn goes on without it: never a stuck conversation). A staff dry run saves nothing and
 * takes no lock; it reads nothing either (the question as a new person would see it) unless
 * asked inside a chat, where it reads that conversation as it stands.
 */
import { ErrorCodes } from '../../errors.js';
import type { ConversationLocks } from '../../service/session/conversation-locks.js';
import type { SessionStore } from '../../service/session/session-store.js';
import { step, type Step } from '../compose-steps.js';

export function session(options: { sessions: SessionStore; locks: ConversationLocks }): Step {
  return step('session', async (ctx, next) => {
    const turn = ctx.readsState && !ctx.dryRun;
    const lock = turn ? await options.locks.acquire(ctx.key) : undefined;
    if (turn && !lock) {
      ctx.log.warn({ code: ErrorCodes.CONVERSATION_BUSY }, 'another message of this conversation held it too long: this one goes on without waiting');
      ctx.note({ lock: 'not obtained in time' });
    }
    try {
      if (ctx.readsState) {
        ctx.state = (await options.sessions.read(ctx.key)) ?? {};
        ctx.next = ctx.state;
      }
      ctx.note(() => ({ remembered: summarize(ctx.state) }));
      await next();
      if (ctx.dryRun) return;
      await options.sessions.write(ctx.key, ctx.next);
    } finally {
      await lock?.release();
    }
  });
}

function summarize(state: { topic?: string; choices?: string[]; suggestions?: string[]; lastAnswer?: { entryId: string }; calculation?: { id: string; asked: string[] } }) {
  return {
    ...(state.topic ? { topic: state.topic } : {}),
    ...(state.choices?.length ? { choices: state.choices.length } : {}),
    ...(state.suggestions?.length ? { suggestions: state.suggestions.length } : {}),
    ...(state.lastAnswer ? { lastAnswer: state.lastAnswer.entryId } : {}),
    ...(state.calculation ? { calculation: `${state.calculation.id} 等 ${state.calculation.asked[0] ?? ''}` } : {}),
  };
}
