/**
 * Staff commands (`/why`, `/reload`) from the senders listed in STAFF_IDS, tried before the
 * message is read; anything else passes on. Not in a staff dry run (`why` itself).
 */
import type { StaffCommands } from '../staff-commands.js';
import { step, type Step } from '../compose-steps.js';

export function staffCommands(options: { commands?: StaffCommands }): Step {
  return step(
    'staff',
    (ctx) => !ctx.dryRun,
    async (ctx, next) => {
      const reply = await options.commands?.(ctx.message);
      if (!reply) return next();
      ctx.finish(reply, 'staff.command');
    },
  );
}
