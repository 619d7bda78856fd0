/**
 * Middleware in the spirit of grammY's Composer: an ordered list of named steps over one
 * context. A step either produces the reply (and does not call `next`) or passes the turn on;
 * steps that wrap the rest (session, recording, logging) do their work around `await next()`.
 */
import type { TurnContext } from './context.js';

/** One named step. */
export interface Step {
  readonly name: string;
  run(ctx: TurnContext, next: () => Promise<void>): Promise<void>;
}

/** Builds a step from a name and a function. */
export function step(name: string, run: Step['run']): Step {
  return { name, run };
}

/**
 * Runs `steps` in order over `ctx`. `ctx.step` names the step running, so a reply is
 * attributed to the step that made it; a step calling `next` twice is a programming error.
 */
export async function runSteps(steps: readonly Step[], ctx: TurnContext): Promise<void> {
  const dispatch = async (index: number): Promise<void> => {
    const current = steps[index];
    if (!current) return;
    let called = false;
    ctx.step = current.name;
    await current.run(ctx, async () => {
      if (called) throw new Error(`step ${current.name} called next() twice`);
      called = true;
      await dispatch(index + 1);
      ctx.step = current.name;
    });
  };
  await dispatch(0);
}
