/** A message that is nothing but small talk ("谢谢", "你是谁") gets its reply from knowledge/meta. */
import { withoutFraming } from '../../answer/read/framing.js';
import { step, type Step } from '../compose-steps.js';

export function smalltalk(): Step {
  return step('smalltalk', async (ctx, next) => {
    // "我是法律明白人,替邻居问一下": who asks, then only an opener.
    const framed = withoutFraming(ctx.question ?? '');
    const talk = ctx.engine.smalltalk(ctx.read?.normalized ?? '') ?? (framed ? ctx.engine.smalltalk(framed) : undefined);
    if (!talk) return next();
    ctx.finish(ctx.engine.compose.smalltalk(talk.reply), `smalltalk.${talk.id}`);
  });
}
