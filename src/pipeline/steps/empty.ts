/** A text message with nothing readable in it (only spaces, marks or emoji) gets the menu. */
import { idsOf } from '../../answer/dialog/choices.js';
import { step, type Step } from '../compose-steps.js';

const HAS_CONTENT = /[\p{L}\p{N}]/u;

export function empty(): Step {
  return step(
    'empty',
    (ctx) => ctx.message.kind === 'text' && !HAS_CONTENT.test(ctx.read?.normalized ?? ''),
    async (ctx) => {
      const menu = ctx.engine.compose.empty();
      ctx.next = { ...ctx.state, choices: idsOf(menu) };
      ctx.finish(menu, 'empty');
    },
  );
}
