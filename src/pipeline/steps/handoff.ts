/** Asking for a person: the handoff reply (a real handover where the channel has one). */
import { step, type Step } from '../compose-steps.js';

/** "转人工", or "不是" right after the bot admitted it could not answer. */
export function handoff(): Step {
  return step('handoff', async (ctx, next) => {
    const question = ctx.question ?? '';
    const asked = ctx.engine.asksForPerson(question);
    const rejected = !asked && ctx.state.lastKind === 'fallback' && ctx.engine.rejects(question);
    if (!asked && !rejected) return next();
    const canHandOver = ctx.message.capabilities?.handoff === true;
    ctx.next = { topic: ctx.state.topic };
    ctx.finish(ctx.engine.compose.handoff(canHandOver), asked ? 'handoff.asked' : 'handoff.after-fallback');
  });
}
