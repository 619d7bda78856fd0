/**
 * The store record of every turn, written after the reply is made, whatever step made it
 * (questions masked there). A staff dry run is not recorded.
 */
import { ErrorCodes } from '../../errors.js';
import type { MessageStore } from '../../service/store/message-store.js';
import { recordHandled } from '../../service/store/record-handled.js';
import { step, type Step } from '../compose-steps.js';

/**
 * Records the turn in the store; nor is a 👍 / 👎 that was not counted recorded (it would show
 * in 统计 as a message).
 */
export function recordTurn(options: { store: MessageStore }): Step {
  return step(
    'record',
    (ctx) => !ctx.dryRun,
    async (ctx, next) => {
      const started = performance.now();
      await next();
      if (!ctx.reply || ctx.reply.voteCounted === false || options.store.discards) return;
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
    },
  );
}
