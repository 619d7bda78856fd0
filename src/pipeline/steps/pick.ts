/**
 * A typed number ("2", "第二个") picks from the list the conversation has open (or the last
 * answer's suggestions); a number with no list, or beyond it, says which numbers are valid.
 */
import { pickable, resolveChoice } from '../../answer/dialog/choices.js';
import { parsePick } from '../../answer/dialog/intents.js';
import { step, type Step } from '../compose-steps.js';

export function pick(): Step {
  return step('pick', async (ctx, next) => {
    const n = parsePick(ctx.question ?? '');
    if (n === undefined) return next();
    const open = pickable(ctx.state);
    const id = open[n - 1];
    ctx.note({ n, open: open.length, ...(id ? { id } : {}) });
    const chosen = id ? resolveChoice(ctx.engine, id) : undefined;
    if (!chosen) ctx.asked = undefined; // a number is no question to keep for review
    if (!chosen) return ctx.finish(ctx.engine.compose.noChoice(open.length), open.length ? 'pick.out-of-range' : 'pick.no-list');
    // The question that got the list is the one a chosen answer responds to.
    ctx.asked = ctx.state.asked;
    ctx.next = chosen.next;
    ctx.finish(chosen.reply, 'pick.typed');
  });
}
