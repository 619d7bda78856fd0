/**
 * The one error path of the core: a step that throws, or a turn that overruns its time
 * budget, is logged once with its code and context, and the person gets the safe reply.
 */
import { BotError, ErrorCodes } from '../../errors.js';
import { step, type Step } from '../compose-steps.js';
import type { TurnContext } from '../context.js';

/** Called once per failed turn, after the safe reply is set. */
export type OnError = (error: unknown, ctx: TurnContext) => void;

/** Logs with the conversation's logger; the text of the message never goes with it. */
export const logTurnError: OnError = (error, ctx) => {
  const code = error instanceof BotError ? error.code : ErrorCodes.HANDLER_FAILED;
  ctx.log.error({ err: error, code, step: ctx.step, inbound: ctx.message.kind }, 'handling a message failed');
};

/**
 * Wraps the rest of the pipeline. `budgetMs` bounds a turn that waits (a slow store or
 * staff command); synchronous work cannot be interrupted, which is why knowledge patterns
 * run on a linear-time engine.
 */
export function guard(options: { budgetMs: number; onError?: OnError }): Step {
  const onError = options.onError ?? logTurnError;
  return step('guard', async (ctx, next) => {
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BotError(ErrorCodes.TURN_TIMEOUT, `turn exceeded its ${options.budgetMs} ms budget`)),
        options.budgetMs,
      );
    });
    try {
      await Promise.race([next(), overrun]);
    } catch (error) {
      ctx.finish(ctx.engine.compose.error(), 'error', error instanceof BotError ? error.code : ErrorCodes.HANDLER_FAILED);
      onError(error, ctx);
    } finally {
      clearTimeout(timer);
    }
  });
}
