/**
 * 👍 / 👎 on answers. `answerFeedback` wraps the answering steps: an answer may be rated for
 * a while, and where there are no buttons it says how (有用回复1,没用回复0). `typedVote`
 * takes that bare 1 / 0.
 */
import { hasButtons, typedVote as readTypedVote } from '../../staff/text-feedback.js';
import { step, type Step } from '../compose-steps.js';

/** `windowMs`: how long a typed 1 / 0 rates the last answer; 0 turns typed votes off. */
export function answerFeedback(options: { windowMs: number }): Step {
  return step('feedback', async (ctx, next) => {
    await next();
    const reply = ctx.reply;
    if (reply?.kind !== 'answer' || !reply.entryId) return;
    const question = ctx.asked === undefined ? undefined : ctx.engine.mask(ctx.asked);
    ctx.next = { ...ctx.next, lastAnswer: { entryId: reply.entryId, at: ctx.at, ...(question ? { question } : {}) } };
    if (reply.choices?.length) return; // a numbered list is open: digits pick, they do not rate
    const buttons = hasButtons(ctx.message);
    // Without buttons the answer says how to rate it; with them (Telegram, web) the buttons do.
    const typed = options.windowMs > 0 && !buttons;
    if (typed) reply.text = `${reply.text}\n${ctx.engine.compose.feedbackHint()}`;
    if (typed || buttons) reply.awaits = 'vote';
  });
}

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
