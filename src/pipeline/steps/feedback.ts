/**
 * 👍 / 👎 on answers: this step wraps the answering steps. An answer may be rated for a while,
 * and where there are no buttons it says how (有用回复1,没用回复0; "有用" / "没用" when it opened
 * a numbered list, whose digits pick) and numbers its suggestions; the `vote` step takes that
 * typed vote, the `input` step a button.
 */
import { hasButtons } from '../../answer/dialog/votes.js';
import { step, type Step } from '../compose-steps.js';

/**
 * Answers a conversation may still rate, at most: the page keeps 👍 / 👎 under every answer,
 * and one person rarely scrolls further back; a bound keeps the session small.
 */
const UNRATED_KEPT = 20;

/** The unrated answers after a turn: less the one just rated, plus the one just given (once). */
function unratedAfter(before: readonly string[], rated: string | undefined, answered: string | undefined): string[] {
  const kept = before.filter((entryId) => entryId !== rated && entryId !== answered);
  return (answered ? [...kept, answered] : kept).slice(-UNRATED_KEPT);
}

/**
 * `windowMs`: how long a typed 1 / 0 rates the last answer; 0 turns typed votes off. Every
 * turn carries the conversation's unrated answers on, whatever state the inner steps chose,
 * so a 👍 / 👎 counts only for an answer given here, once.
 */
export function answerFeedback(options: { windowMs: number }): Step {
  return step('feedback', async (ctx, next) => {
    await next();
    const reply = ctx.reply;
    const answered = reply?.kind === 'answer' ? reply.entryId : undefined;
    const unrated = unratedAfter(ctx.state.unrated ?? [], ctx.vote?.entryId, answered);
    const { unrated: _unrated, ...rest } = ctx.next;
    ctx.next = unrated.length > 0 ? { ...rest, unrated } : rest;
    if (reply?.kind !== 'answer' || !reply.entryId) return;
    const question = ctx.asked === undefined ? undefined : ctx.engine.mask(ctx.asked);
    ctx.next = { ...ctx.next, lastAnswer: { entryId: reply.entryId, at: ctx.at, ...(question ? { question } : {}) } };
    const buttons = hasButtons(ctx.message);
    // Without buttons the answer's suggestions are numbered (a digit picks them) and the answer
    // says how to rate it; with them (Telegram, web) the buttons do both.
    if (!buttons) reply.text = ctx.engine.compose.numberSuggestions(reply).text;
    const typed = options.windowMs > 0 && !buttons;
    // A numbered list open: digits pick, so the hint names the words that rate ("有用" / "没用").
    const listOpen = (reply.choices?.length ?? 0) > 0;
    if (typed) reply.text = `${reply.text}\n${ctx.engine.compose.feedbackHint(listOpen)}`;
    if (listOpen) return;
    if (typed || buttons) reply.awaits = 'vote';
  });
}
