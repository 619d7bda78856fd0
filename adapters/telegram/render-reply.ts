/**
 * The core's {@link Reply} → Telegram messages. The core's text is plain text and goes as
 * plain text (no parse mode), so nothing in it can be read as markup and nothing needs
 * escaping. Long replies are split by the shared splitter under Telegram's length limit;
 * choices and 👍 / 👎 are inline buttons on the last part.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { splitReply } from '../shared/split-reply.js';
import type { Reply } from '../../src/types.js';
import { encodeChoice, encodeFeedback } from './callback-data.js';

/** Telegram's limit on a message's text, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 4096;
/** Longer button labels are cut: clients show one line per button anyway. */
const MAX_LABEL = 48;

/** The texts of the 👍 / 👎 buttons under an answer. */
export interface FeedbackLabels {
  useful: string;
  notUseful: string;
}

/** One message to send: plain text and, on the last part only, the buttons. */
export interface OutgoingPart {
  text: string;
  keyboard?: InlineKeyboardMarkup;
}

function label(text: string): string {
  const chars = [...text];
  return chars.length <= MAX_LABEL ? text : `${chars.slice(0, MAX_LABEL - 1).join('')}…`;
}

/** Inline buttons for a reply: one row per choice, then 👍 / 👎 under an answer; undefined if none. */
export function replyKeyboard(reply: Reply, labels: FeedbackLabels): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardButton[][] = (reply.choices ?? []).map((choice) => [
    { text: label(`${choice.n}. ${choice.label}`), callback_data: encodeChoice(choice) },
  ]);
  if (reply.kind === 'answer') {
    rows.push([
      { text: labels.useful, callback_data: encodeFeedback(true, reply.entryId) },
      { text: labels.notUseful, callback_data: encodeFeedback(false, reply.entryId) },
    ]);
  }
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** Renders a reply as the messages to send, in order; [] for an empty text (send nothing). */
export function renderReply(reply: Reply, labels: FeedbackLabels): OutgoingPart[] {
  const texts = splitReply(reply.text, { max: MAX_MESSAGE_LENGTH, unit: 'utf16' });
  const keyboard = replyKeyboard(reply, labels);
  return texts.map((text, index) => ({ text, ...(keyboard && index === texts.length - 1 ? { keyboard } : {}) }));
}
