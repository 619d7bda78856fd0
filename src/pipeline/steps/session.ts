/**
 * Loads the conversation's state before the turn and saves what the turn decided after it.
 * A staff dry run reads nothing and saves nothing: it sees the question as a new person would.
 */
import type { SessionStore } from '../../session/session-store.js';
import { step, type Step } from '../compose-steps.js';

export function session(options: { sessions: SessionStore }): Step {
  return step('session', async (ctx, next) => {
    if (!ctx.dryRun) {
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
