/** Asking for a person: a staff member on duty takes it at the 接待 desk; else the handoff reply (a platform's own handover where it has one). */
import type { HandoffDesk } from '../../service/handoff/handoff-desk.js';
import { officeHoursLine } from '../../answer/compose/town-reply.js';
import { step, type Step } from '../compose-steps.js';

/** "转人工", or "不是" right after the bot admitted it could not answer. */
export function handoff(options: { desk?: HandoffDesk } = {}): Step {
  return step('handoff', async (ctx, next) => {
    const question = ctx.question ?? '';
    const asked = ctx.engine.asksForPerson(question);
    const rejected = !asked && ctx.state.lastKind === 'fallback' && ctx.engine.rejects(question);
    if (!asked && !rejected) return next();
    const canHandOver = ctx.message.capabilities?.handoff === true;
    ctx.next = { topic: ctx.state.topic };
    const reason = asked ? 'handoff.asked' : 'handoff.after-fallback';
    if (!canHandOver && options.desk && !ctx.dryRun && (await options.desk.onDuty()).length > 0) {
      // The conversation so far, masked: what the session remembers of it and this message.
      const before = [ctx.state.asked, ctx.state.lastAnswer?.question].filter((text): text is string => Boolean(text));
      const lines = [...new Set(before)].map((text) => ({ from: 'resident' as const, text, at: ctx.at }));
      if (ctx.message.kind === 'text') lines.push({ from: 'resident', text: ctx.engine.mask(ctx.message.text), at: ctx.at });
      const opened = await options.desk.open({ key: ctx.key, adapter: ctx.message.adapter, conversationId: ctx.message.conversationId, lines });
      ctx.note({ handoff: opened.id });
      return ctx.finish(ctx.engine.compose.handoff(true), `${reason}.desk`);
    }
    if (canHandOver) return ctx.finish(ctx.engine.compose.handoff(true), reason);
    // Nobody to take it: when the window is open (only a verified, current fact), and 12348 to tap.
    const none = ctx.engine.compose.handoff(false);
    const hours = officeHoursLine(ctx.engine.knowledge.localFacts, ctx.at);
    ctx.finish({ ...none, text: hours ? `${none.text}\n${hours}` : none.text, call: ['12348'] }, reason);
  });
}
