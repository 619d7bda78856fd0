/**
 * The per-conversation rate limit: past it, the person is told once (`notice`) when to ask again
 * and then not answered for a while; on a channel that shows every reply (the web page and API)
 * the notice comes every time, never an empty reply. A staff dry run is never limited.
 */
import type { Admitter } from '../../service/limits/rate-limiter.js';
import { step, type Step } from '../compose-steps.js';

export function rateLimit(options: { limiter: Admitter }): Step {
  return step(
    'rate-limit',
    (ctx) => !ctx.dryRun,
    async (ctx, next) => {
      const admission = await options.limiter.admit(ctx.key);
      if (admission === 'ok') return next();
      const always = ctx.message.capabilities?.neverSilent === true;
      ctx.finish(ctx.engine.compose.limited(admission === 'notice', always), `limited.${admission}`);
    },
  );
}
