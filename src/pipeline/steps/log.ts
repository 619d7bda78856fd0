/**
 * The "handled" log line of every turn, written after the reply is made, whatever step made
 * it; and, at debug level, the message text (masked, as every log line is).
 */
import type { Logger } from '../../logger.js';
import { step, type Step } from '../compose-steps.js';

/**
 * Gives the turn a child logger keyed by the salted conversation hash (the store's hash,
 * so log lines and records join up, and neither reveals the chat id), and logs the outcome.
 */
export function logTurn(options: { logger: Logger; hash: (key: string) => string }): Step {
  return step('log', async (ctx, next) => {
    const started = performance.now();
    ctx.log = options.logger.child({ conv: options.hash(ctx.key), adapter: ctx.message.adapter });
    await next();
    const reply = ctx.reply;
    ctx.log.info(
      {
        kind: reply?.kind,
        entry: reply?.entryId,
        score: reply?.score === undefined ? undefined : Number(reply.score.toFixed(3)),
        latencyMs: Number((performance.now() - started).toFixed(3)),
        inbound: ctx.message.kind,
        step: ctx.trace.decision?.step,
        ...(ctx.vote ? { feedback: { useful: ctx.vote.useful, entryId: ctx.vote.entryId } } : {}),
        ...(ctx.dryRun ? { dryRun: true } : {}),
      },
      'handled',
    );
    ctx.log.debug({ text: ctx.message.text.slice(0, 500) }, 'message text');
  });
}
