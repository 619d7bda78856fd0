/**
 * What safety puts on a reply: danger now answered first with the legal question asked beside it
 * below, and the safety line of a danger word told after the fact on top of any other reply.
 */
import type { Reply } from '../../types.js';

/** Numbers a reply in danger asks to call first, in the order the text gives them. */
const CALL_FIRST = /(?<!\d)(110|119|120|122)(?!\d)/g;

/** The emergency numbers a text names, in its order. */
export function callFirst(text: string): string[] {
  return [...new Set([...text.matchAll(CALL_FIRST)].map((match) => match[1] as string))];
}

/**
 * The emergency reply, and below it (after `header`) the answer to a legal question asked in the
 * same message: the person in danger reads the numbers first and still gets what they asked.
 * The answer comes without a list to pick from: an emergency leaves the conversation's state as
 * it was, so nothing would remember the list.
 */
export function emergencyReply(text: string, answered?: { reply: Reply; header: string }): Reply {
  const call = callFirst(text);
  const base: Reply = { kind: 'emergency', text, ...(call.length > 0 ? { call } : {}) };
  if (!answered) return base;
  const { reply, header } = answered;
  return {
    ...base,
    text: `${text}\n\n${header}\n${reply.text}`,
    ...(reply.entryId ? { entryId: reply.entryId } : {}),
    ...(reply.source ? { source: reply.source } : {}),
  };
}

/**
 * `reply` with the safety lines on top (at most two, each once; or the card's own line that names
 * the same numbers, moved up) and their numbers first among its call buttons. An empty reply (the rate limit's silence) becomes the lines alone: a message
 * with danger words never goes unanswered.
 */
export function withSafetyLines(reply: Reply, lines: readonly string[]): Reply {
  const shown = [...new Set(lines)].slice(0, 2);
  if (shown.length === 0 || reply.kind === 'emergency' || reply.kind === 'staff') return reply;
  const own = reply.text === '' ? [] : reply.text.split('\n');
  const numbers = new Set(shown.flatMap(callFirst));
  // A problem's own safety line (just under its title) that names every number the danger
  // needs says it in the card's own words: it moves to the top instead of a second, generic line.
  const at = own.findIndex((line, index) => index > 0 && index <= 2 && [...numbers].every((n) => callFirst(line).includes(n)));
  const top = at >= 0 ? [own[at] as string] : shown;
  const body = at >= 0 ? own.filter((_, index) => index !== at) : own;
  const call = [...new Set([...top.flatMap(callFirst), ...shown.flatMap(callFirst), ...(reply.call ?? [])])];
  return { ...reply, text: [...top, ...body].join('\n'), ...(call.length > 0 ? { call } : {}) };
}
