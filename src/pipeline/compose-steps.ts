/**
 * Middleware in the spirit of grammY's Composer: an ordered list of named steps over one
 * context. A step either produces the reply (and does not call `next`) or passes the turn on;
 * steps that wrap the rest (session, recording, logging) do their work around `await next()`.
 * A step may say when it applies (`when`, as grammY's `Composer.filter`): the runner passes
 * over it otherwise, so its body is only what it does.
 */
import type { TurnContext } from './context.js';

/** One named step. */
export interface Step {
  readonly name: string;
  /** When the step applies; it always does when unset. Read just before the step would run. */
  readonly when?: (ctx: TurnContext) => boolean;
  run(ctx: TurnContext, next: () => Promise<void>): Promise<void>;
}

/** Builds a step from a name, when it applies (optional) and what it does. */
export function step(name: string, run: Step['run']): Step;
export function step(name: string, when: NonNullable<Step['when']>, run: Step['run']): Step;
export function step(name: string, ...args: [Step['run']] | [NonNullable<Step['when']>, Step['run']]): Step {
  if (args.length === 1) return { name, run: args[0] };
  const [when, run] = args;
  return { name, when, run };
}

/**
 * Runs `steps` in order over `ctx`. `ctx.step` names the step running, so a reply is
 * attributed to the step that made it; the trace lists the steps that ran, in order (for
 * `why`). A step calling `next` twice is a programming error.
 */
export async function runSteps(steps: readonly Step[], ctx: TurnContext): Promise<void> {
  const dispatch = async (index: number): Promise<void> => {
    const current = steps[index];
    if (!current) return;
    if (current.when && !current.when(ctx)) return dispatch(index + 1);
    let called = false;
    ctx.step = current.name;
    if (ctx.tracing) ctx.trace.steps.push(current.name);
    await current.run(ctx, async () => {
      if (called) throw new Error(`step ${current.name} called next() twice`);
      called = true;
      await dispatch(index + 1);
      ctx.step = current.name;
    });
  };
  await dispatch(0);
}
