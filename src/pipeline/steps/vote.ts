/**
 * A typed 1 / 0 (or "有用" / "没用") rating the last answer, where there are no buttons
 * (WeChat, console): the `feedback` step asked for it under the answer.
 */
import { typedVote as readTypedVote } from '../../answer/dialog/votes.js';
import { step, type Step } from '../compose-steps.js';

/** "有用" / "没用", or a bare 1 / 0 with no list open, shortly after an answer rates that answer. */
export function typedVote(options: { windowMs: number }): Step {
  return step('vote', async (ctx, next) => {
    const vote = readTypedVote(ctx.message, ctx.question ?? '', ctx.state, ctx.at, options.windowMs, ctx.engine.knowledge.meta.votes);
    if (!vote) return next();
    ctx.vote = vote;
    // The answer's suggestions stay pickable after its vote.
    const { suggestions } = ctx.state;
    ctx.next = { topic: ctx.state.topic, entryId: ctx.state.entryId, ...(suggestions ? { suggestions } : {}) };
    ctx.finish(ctx.engine.compose.feedbackThanks(), vote.useful ? 'vote.useful' : 'vote.not-useful');
  });
}
