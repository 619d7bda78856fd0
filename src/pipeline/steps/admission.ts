/**
 * Who is served before anything is read: the per-conversation rate limit, then staff
 * commands (`/why`, `/reload`) from the senders listed in STAFF_IDS.
 */
import type { Admitter } from '../../limits/rate-limiter.js';
import type { StaffCommands } from '../../staff/staff-commands.js';
import { step, type Step } from '../compose-steps.js';

/**
 * Over the limit a conversation gets one notice, then empty replies (send nothing), except
 * for danger now: an emergency is always answered, however many messages came before it.
 */
export function rateLimit(options: { limiter: Admitter; maxChars: number }): Step {
  return step('rate-limit', async (ctx, next) => {
    if (ctx.dryRun) return next();
    const admission = await options.limiter.admit(ctx.key);
    if (admission === 'ok') return next();
    const { message, engine } = ctx;
    if (message.kind === 'text' && engine.detectEmergency(engine.read(message.text, options.maxChars).normalized)) {
      ctx.note({ limited: admission, emergency: true });
      return next();
    }
    ctx.finish(engine.compose.limited(admission === 'notice'), `limited.${admission}`);
  });
}

export function staffCommands(options: { commands?: StaffCommands }): Step {
  return step('staff', async (ctx, next) => {
    const reply = ctx.dryRun ? undefined : await options.commands?.(ctx.message);
    if (!reply) return next();
    ctx.finish(reply, 'staff.command');
  });
}
