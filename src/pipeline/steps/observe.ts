/**
 * The steps that watch a turn from outside: the "handled" log line and the store record.
 * Both run after the reply is made, whatever step made it.
 */
import type { Logger } from '../../logger.js';
import { ErrorCodes } from '../../errors.js';
import type { MessageStore } from '../../service/store/message-store.js';
import { recordHandled } from '../../service/store/record-handled.js';
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

/**
 * Records the turn in the store (questions masked there); a staff dry run is not recorded, nor
 * a 👍 / 👎 that was not counted (it would show in 统计 as a message).
 */
export function recordTurn(options: { store: MessageStore }): Step {
  return step('record', async (ctx, next) => {
    const started = performance.now();
    await next();
    if (ctx.dryRun || !ctx.reply || ctx.reply.voteCounted === false || options.store.discards) return;
    try {
      recordHandled(options.store, {
        message: ctx.message,
        key: ctx.key,
        reply: ctx.reply,
        at: ctx.at,
        latencyMs: performance.now() - started,
        question: ctx.asked,
        nearest: ctx.nearest,
        vote: ctx.vote,
        mask: ctx.engine.mask,
        topicOf: (id) => ctx.engine.knowledge.byId.get(id)?.topic,
      });
    } catch (error) {
      // A store must not stop answering; the failure is logged, never dropped silently.
      ctx.log.error({ err: error, code: ErrorCodes.STORE_FAILED }, 'recording a message failed');
    }
  });
}
