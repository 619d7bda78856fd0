/**
 * Messages that are no question for the knowledge base: greetings and menu words, small talk,
 * and asking for a person. (Danger now is the emergency step's, before any of these.)
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

export function smalltalk(): Step {
  return step('smalltalk', async (ctx, next) => {
    // "我是村里的法律明白人,帮一个村民问下": who asks, then only an opener.
    const framed = withoutFraming(ctx.question ?? '');
    const talk = ctx.engine.smalltalk(ctx.read?.normalized ?? '') ?? (framed ? ctx.engine.smalltalk(framed) : undefined);
    if (!talk) return next();
    ctx.finish(ctx.engine.compose.smalltalk(talk.reply), `smalltalk.${talk.id}`);
  });
}

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
