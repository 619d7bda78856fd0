/**
 * Reads a text message: cleans it, cuts it to the longest allowed message, normalizes it, and
 * takes off a leading greeting. A message with nothing readable gets the menu; a cut
 * message's reply says it was cut.
 */
import { idsOf } from '../../dialog/choices.js';
import { step, type Step } from '../compose-steps.js';

const HAS_CONTENT = /[\p{L}\p{N}]/u;
/** Replies to a question (not menus or votes) say when the question was cut. */
const NOTED_KINDS: ReadonlySet<string> = new Set(['answer', 'clarify', 'fallback', 'emergency', 'handoff']);

export function readMessage(options: { maxChars: number }): Step {
  return step('read', async (ctx, next) => {
    const read = ctx.engine.read(ctx.message.text, options.maxChars);
    ctx.read = read;
    ctx.question = ctx.engine.stripGreeting(read.normalized);
    ctx.asked = read.text;
    ctx.note({ normalized: read.normalized, ...(read.truncated ? { truncatedTo: options.maxChars } : {}) });
    if (!HAS_CONTENT.test(read.normalized)) {
      const menu = ctx.engine.compose.empty();
      ctx.next = { ...ctx.state, choices: idsOf(menu) };
      return ctx.finish(menu, 'empty');
    }
    await next();
    const reply = ctx.reply;
    if (read.truncated && reply && NOTED_KINDS.has(reply.kind)) {
      reply.text = `${ctx.engine.compose.truncatedNote(options.maxChars)}\n${reply.text}`;
    }
  });
}
