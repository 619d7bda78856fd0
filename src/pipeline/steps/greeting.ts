/**
 * Greetings and menu words ("你好", "菜单", "这里能咨询哪些问题") get the menu. (Danger now is the
 * emergency step's, before this one.)
 */
import { withoutFraming } from '../../answer/read/framing.js';
import { idsOf } from '../../answer/dialog/choices.js';
import { step, type Step } from '../compose-steps.js';

export function greeting(): Step {
  return step('greeting', async (ctx, next) => {
    const normalized = ctx.read?.normalized ?? '';
    // "我是村里的法律明白人,请问这里能咨询哪些问题": who asks, then what the bot can do.
    const framed = withoutFraming(ctx.question ?? '');
    if (ctx.question !== '' && !ctx.engine.isGreeting(normalized) && !(framed && ctx.engine.isGreeting(framed))) return next();
    const menu = ctx.engine.compose.menu();
    ctx.next = { ...ctx.state, choices: idsOf(menu) };
    ctx.finish(menu, 'greeting');
  });
}
