/**
 * Residents' votes on answers (👍 / 👎): a button press, or, where there are no buttons
 * (WeChat, console), a typed digit. There an answer ends with
 * "有用回复1,没用回复0", and for a short while a bare 1 or 0 rates it. A digit only rates
 * when no numbered list is open: after a menu, a clarify question or an answer that offers
 * its related questions or next steps digits pick; such an answer says to rate it with words
 * instead ("有用" / "没用", meta.yaml `votes`), which never pick.
 */
import type { InboundMessage } from '../../types.js';

/** A 👍 / 👎 on an answer, from a button or a bare 1 / 0. */
export interface Vote {
  useful: boolean;
  entryId?: string;
  /** The question that got the rated answer, masked; known while the session lasts. */
  question?: string;
}

/** What a conversation remembers of its last answer while it may be rated. */
export interface LastAnswer {
  entryId: string;
  at: number;
  /** The question that got it, masked. */
  question?: string;
}

const USEFUL = /^[1１]$/u;
const NOT_USEFUL = /^[0０]$/u;

/** True when the adapter shows 👍 / 👎 buttons itself, so answers need no typed hint. */
export function hasButtons(message: InboundMessage): boolean {
  return message.capabilities?.buttons === true;
}

/** Words that rate an answer as the whole message (meta.yaml `votes`). */
export interface VoteWords {
  useful: readonly string[];
  notUseful: readonly string[];
}

/**
 * The vote a typed message casts, or undefined when it is not one: within `windowMs` of the
 * last answer, on an adapter without buttons, a word of `words` ("有用" / "没用"), or a bare
 * 1 / 0 when no numbered list is open (with a list open a digit picks: the answer's hint then
 * names the words).
 */
export function typedVote(
  message: InboundMessage,
  text: string,
  state: { lastAnswer?: LastAnswer; choices?: unknown[]; suggestions?: unknown[] },
  now: number,
  windowMs: number,
  words: VoteWords = { useful: [], notUseful: [] },
): Vote | undefined {
  const last = state.lastAnswer;
  if (windowMs <= 0 || !last || hasButtons(message)) return undefined;
  if (now - last.at > windowMs) return undefined;
  const bare = text.trim().replace(/[\s,.!?。!]+$/u, '');
  const listOpen = (state.choices?.length ?? 0) > 0 || (state.suggestions?.length ?? 0) > 0;
  const useful = words.useful.includes(bare)
    ? true
    : words.notUseful.includes(bare)
      ? false
      : listOpen
        ? undefined
        : USEFUL.test(bare)
          ? true
          : NOT_USEFUL.test(bare)
            ? false
            : undefined;
  if (useful === undefined) return undefined;
  return { useful, entryId: last.entryId, ...(last.question ? { question: last.question } : {}) };
}

/**
 * The vote of a button press (kind `feedback`), or undefined when it cannot count: it must
 * name an entry this conversation was answered with and has not rated (`unrated`), or,
 * naming none, rate the last answer while that one is unrated. The question is known when
 * it rates the last answer.
 */
export function buttonVote(message: InboundMessage, state: { lastAnswer?: LastAnswer; unrated?: readonly string[] }): Vote | undefined {
  if (!message.feedback) return undefined;
  const last = state.lastAnswer;
  const entryId = message.feedback.entryId ?? last?.entryId;
  if (entryId === undefined || !(state.unrated ?? []).includes(entryId)) return undefined;
  const question = last && last.entryId === entryId ? last.question : undefined;
  return { useful: message.feedback.useful, entryId, ...(question ? { question } : {}) };
}
