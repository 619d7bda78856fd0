/**
 * A question the bot cannot answer that belongs to another office (社保 → 12333, 户口 → the
 * police station) is referred to that office instead of "答不上来 … 12348" (issue 26, item 7):
 * this step wraps the answering steps after it, and replaces their fallback when the question
 * holds one of an office's words (knowledge/referrals.yaml). A question about another
 * district's office (`elsewhere`) keeps its own reply.
 */
import { step, type Step } from '../compose-steps.js';

/** Refers a fallback whose question another office handles to that office. */
export function referral(): Step {
  return step('referral', async (ctx, next) => {
    await next();
    if (ctx.reply?.kind !== 'fallback' || ctx.trace.decision?.reason === 'elsewhere') return;
    const question = ctx.question ?? '';
    const office = ctx.engine.knowledge.referrals.find((r) => r.words.some((word) => question.includes(word)));
    if (!office) return;
    const was = ctx.trace.decision?.reason ?? '';
    ctx.finish(ctx.engine.compose.referral(office), 'referral', `问的是${office.office}办理的事(代替 ${was})`);
  });
}
