/**
 * Reads a text message: cleans it, cuts it to the longest allowed message, normalizes it, and
 * takes off a leading greeting. It decides nothing, so safety can read the message before any
 * state is loaded; `empty` and `cut-note` answer for what reading found.
 */
import { step, type Step } from '../compose-steps.js';

export function readMessage(options: { maxChars: number }): Step {
  return step(
    'read',
    (ctx) => ctx.message.kind === 'text',
    async (ctx, next) => {
      const read = ctx.engine.read(ctx.message.text, options.maxChars);
      ctx.read = read;
      ctx.question = ctx.engine.stripGreeting(read.normalized);
      ctx.asked = read.text;
      ctx.note({ normalized: read.normalized, ...(read.truncated ? { truncatedTo: options.maxChars } : {}) });
      await next();
    },
  );
}
