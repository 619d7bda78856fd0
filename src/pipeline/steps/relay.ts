/**
 * A conversation handed to staff: the resident's messages go to the 接待 desk (masked) and the
 * bot stays silent once a staff member took it; "结束人工" (meta.yaml `handoff.ends`) ends it and
 * the bot says it answers again. Danger never reaches this step unanswered: `emergency` ran first.
 */
import type { HandoffDesk } from '../../service/handoff/handoff-desk.js';
import { step, type Step } from '../compose-steps.js';

export function relay(options: { desk?: HandoffDesk }): Step {
  const { desk } = options;
  return step(
    'relay',
    (ctx) => desk !== undefined && !ctx.dryRun,
    async (ctx, next) => {
      const handoff = await desk!.activeFor(ctx.key);
      if (!handoff) return next();
      const { messages, handoff: words } = ctx.engine.knowledge.meta;
      const question = ctx.question ?? '';
      if (words.ends.some((word) => ctx.engine.normalize(String(word)) === question)) {
        await desk!.end(handoff.id, 'resident', ctx.at);
        ctx.note({ handoff: handoff.id, ended: true });
        return ctx.finish({ kind: 'handoff', text: messages.handoffEnded }, 'relay.ended');
      }
      const said = ctx.message.kind === 'text' ? ctx.engine.mask(ctx.message.text) : `[${ctx.message.kind}]`;
      await desk!.say(handoff.id, { from: 'resident', text: said, at: ctx.at });
      ctx.note({ handoff: handoff.id, status: handoff.status });
      // Taken: staff answer, the bot says nothing (an empty reply is sent nowhere).
      ctx.finish({ kind: 'handoff', text: handoff.status === 'waiting' ? messages.handoffWaiting : '' }, `relay.${handoff.status}`);
    },
  );
}
