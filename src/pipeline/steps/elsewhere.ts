/**
 * A question about another district's or city's office ("浈江区法律援助中心在哪") is declined:
 * the knowledge base holds this district's offices only.
 */
import { step, type Step } from '../compose-steps.js';

export function elsewhere(): Step {
  return step('elsewhere', async (ctx, next) => {
    const place = ctx.engine.elsewhere(ctx.question ?? '');
    if (!place) return next();
    // A decline like any fallback: "不是" / "没用" next asks for a person.
    ctx.next = { topic: ctx.state.topic, lastKind: 'fallback' };
    ctx.finish(ctx.engine.compose.elsewhere(), 'elsewhere', `问的是${place}的机构,知识库只有本区的`);
  });
}
