/**
 * What a conversation remembers between messages: the last topic (for follow-ups like
 * "收费吗?"), the last numbered list (for a bare digit), the answers it may still rate. The
 * dialog's own data; where it is kept (memory, Redis) is the session store's business
 * (src/service/session).
 */

import type { FlowProgress } from '../flows/walk.js';

/** What the bot remembers of one conversation. */
export interface SessionState {
  topic?: string;
  entryId?: string;
  /** The ids of the numbered list last offered (`t:<topic>`, `e:<entry>`), in order. */
  choices?: string[];
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
  /** Where the conversation stands in a guided flow (issue 22); typed answers masked. */
  flow?: FlowProgress;
  /** 法律明白人 mode: answers addressed to a helper; nothing about the villager kept beyond this turn's state. */
  helper?: boolean;
}
