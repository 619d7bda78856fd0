/**
 * A message cut at MAX_MESSAGE_CHARS: the reply to its question says so. It wraps the steps
 * after safety, so an emergency reply keeps its number on the first line and a safety line
 * stays on top of the note.
 */
import { step, type Step } from '../compose-steps.js';

/** Replies to a question (not menus or votes) say when the question was cut. */
const NOTED_KINDS: ReadonlySet<string> = new Set(['answer', 'clarify', 'fallback', 'handoff']);

export function cutNote(options: { maxChars: number }): Step {
  return step(
    'cut-note',
    (ctx) => ctx.read?.truncated === true,
    async (ctx, next) => {
      await next();
      const reply = ctx.reply;
      if (reply && NOTED_KINDS.has(reply.kind)) {
        ctx.reply = { ...reply, text: `${ctx.engine.compose.truncatedNote(options.maxChars)}\n${reply.text}` };
      }
    },
  );
}
