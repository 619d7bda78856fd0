/**
 * A typed 1 / 0 rating the last answer, where there are no buttons (WeChat, console): the
 * `feedback` step asked for it under the answer.
 */
import { typedVote as readTypedVote } from '../../answer/dialog/votes.js';
import { step, type Step } from '../compose-steps.js';

/** A bare 1 / 0 shortly after an answer, with no list open, rates that answer. */
export function typedVote(options: { windowMs: number }): Step {
  return step('vote', async (ctx, next) => {
    const vote = readTypedVote(ctx.message, ctx.question ?? '', ctx.state, ctx.at, options.windowMs);
    if (!vote) return next();
    ctx.vote = vote;
    ctx.next = { topic: ctx.state.topic, entryId: ctx.state.entryId };
    ctx.finish(ctx.engine.compose.feedbackThanks(), vote.useful ? 'vote.useful' : 'vote.not-useful');
  });
}
