/**
 * What a conversation remembers between messages: the last topic (for follow-ups like
 * "收费吗?"), the last numbered list (for a bare digit), the answers it may still rate. The
 * dialog's own data; where it is kept (memory, Redis) is the session store's business
 * (src/service/session).
 */
import type { PendingCalculation } from '../calculate/index.js';

import type { FlowProgress } from '../flows/walk.js';

/** What the bot remembers of one conversation. */
export interface SessionState {
  topic?: string;
  entryId?: string;
  /** The ids of the numbered list last offered (`t:<topic>`, `e:<entry>`), in order. */
  choices?: string[];
  /**
   * The ids of a service answer's suggestions ("您还可以问", `e:<entry>`), in order: a digit picks
   * them as from `choices`, but they are no list the person was asked to choose from, so a
   * follow-up ("那在哪里") keeps to the topic answered, not to them.
   */
  suggestions?: string[];
  /** The kind of the last reply, where the next message depends on it (a rejected fallback). */
  lastKind?: 'fallback';
  /** The last answer, while a 👍 / 👎 or a typed 1 / 0 may rate it (question masked). */
  lastAnswer?: { entryId: string; at: number; question?: string };
  /**
   * The entries this conversation was answered with and has not rated yet, most recent last
   * (a few at most): a 👍 / 👎 counts only for one of them, once.
   */
  unrated?: string[];
  /** The question a clarify list was offered for (masked), so a pick's answer knows it. */
  asked?: string;
  /**
   * A calculation waiting for the one input the person was just asked for ("您是哪天被辞退的?"):
   * its dates, amounts and lengths of service as data, its assumptions masked; the next message
   * may answer it.
   */
  calculation?: PendingCalculation;
  /** Where the conversation stands in a guided flow (issue 22); typed answers masked. */
  flow?: FlowProgress;
  /** 法律明白人 mode: answers addressed to a helper; nothing about the villager kept beyond this turn's state. */
  helper?: boolean;
}
