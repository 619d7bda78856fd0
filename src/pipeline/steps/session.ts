/**
 * Loads the conversation's state before the turn and saves what the turn decided after it.
 * A staff dry run saves nothing; it reads nothing either (the question as a new person would
 * see it) unless asked inside a chat, where it reads that conversation as it stands.
 */
import type { SessionStore } from '../../session/session-store.js';
import { step, type Step } from '../compose-steps.js';

export function session(options: { sessions: SessionStore }): Step {
  return step('session', async (ctx, next) => {
    if (ctx.readsState) {
      ctx.state = (await options.sessions.read(ctx.key)) ?? {};
      ctx.next = ctx.state;
    }
    ctx.note(() => ({ remembered: summarize(ctx.state) }));
    await next();
    if (ctx.dryRun) return;
    await options.sessions.write(ctx.key, ctx.next);
  });
}

function summarize(state: { topic?: string; choices?: string[]; lastAnswer?: { entryId: string } }) {
  return {
    ...(state.topic ? { topic: state.topic } : {}),
    ...(state.choices?.length ? { choices: state.choices.length } : {}),
    ...(state.lastAnswer ? { lastAnswer: state.lastAnswer.entryId } : {}),
  };
}
