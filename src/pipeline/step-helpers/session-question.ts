/** The question a conversation keeps while a list is open, for the answer picked from it. */
import type { TurnContext } from '../context.js';

/** The session may live in a shared store (Redis): it keeps the question masked. */
export function maskForSession(ctx: TurnContext): string | undefined {
  return ctx.asked === undefined ? undefined : ctx.engine.mask(ctx.asked);
}
