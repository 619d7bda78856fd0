/**
 * Who is served before anything is read: the per-conversation rate limit, then staff
 * commands (`/why`, `/reload`) from the senders listed in STAFF_IDS.
 */
import type { Admitter } from '../../service/limits/rate-limiter.js';
import type { StaffCommands } from '../staff-commands.js';
import { step, type Step } from '../compose-steps.js';

export function rateLimit(options: { limiter: Admitter }): Step {
  return step('rate-limit', async (ctx, next) => {
    if (ctx.dryRun) return next();
    const admission = await options.limiter.admit(ctx.key);
    if (admission === 'ok') return next();
    ctx.finish(ctx.engine.compose.limited(admission === 'notice'), `limited.${admission}`);
  });
}

export function staffCommands(options: { commands?: StaffCommands }): Step {
  return step('staff', async (ctx, next) => {
    const reply = ctx.dryRun ? undefined : await options.commands?.(ctx.message);
    if (!reply) return next();
    ctx.finish(reply, 'staff.command');
  });
}
