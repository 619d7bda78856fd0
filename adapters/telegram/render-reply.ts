/**
 * The core's plain-text {@link Reply} → Telegram messages: HTML-escaped (the core's text is
 * never markup, so nothing in it may be read as a tag), split under Telegram's length limit
 * at line breaks, with choices and feedback as inline buttons on the last part.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Reply } from '../../src/types.js';
import { encodeChoice, encodeFeedback } from './callback-data.js';

/** Telegram's limit on a message's text after entity parsing, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 4096;
/** Longer button labels are cut: clients show one line per button anyway. */
const MAX_LABEL = 48;

/** The texts of the 👍 / 👎 buttons under an answer. */
export interface FeedbackLabels {
  useful: string;
  notUseful: string;
}

/** One message to send: HTML text and, on the last part only, the buttons. */
export interface OutgoingPart {
  html: string;
  keyboard?: InlineKeyboardMarkup;
}

/** Escapes the three characters Telegram's HTML parse mode treats as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Splits `text` into parts of at most `limit` characters, cutting between lines; a single
 * line longer than the limit is cut at its last space or punctuation, else hard. Blank
 * parts are dropped (Telegram refuses empty messages).
 */
export function splitText(text: string, limit = MAX_MESSAGE_LENGTH): string[] {
  if (text.length <= limit) return text.trim() === '' ? [] : [text];
  const parts: string[] = [];
  let lines: string[] = [];
  let length = -1; // joined length of `lines`; -1 = empty (no newline to count yet)
  const flush = () => {
    const part = lines.join('\n').replace(/^\n+|\s+$/g, '');
    if (part.trim() !== '') parts.push(part);
    lines = [];
    length = -1;
  };
  for (const line of text.split('\n')) {
    for (const piece of cutLine(line, limit)) {
      if (length + 1 + piece.length > limit) flush();
      lines.push(piece);
      length += 1 + piece.length;
    }
  }
  flush();
  return parts;
}

const BREAK_AFTER = /[\s,.;:!?,。;:!?、)】」]/u;

function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let cut = limit;
    for (let i = limit; i > limit / 2; i -= 1) {
      if (BREAK_AFTER.test(rest.charAt(i - 1))) {
        cut = i;
        break;
      }
    }
    // Never cut an emoji or rare character in half (a UTF-16 surrogate pair).
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  pieces.push(rest);
  return pieces;
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

/** Renders a reply as the messages to send, in order. */
export function renderReply(reply: Reply, labels: FeedbackLabels): OutgoingPart[] {
  const texts = splitText(reply.text);
  const keyboard = replyKeyboard(reply, labels);
  return texts.map((text, index) => ({
    html: escapeHtml(text),
    ...(keyboard && index === texts.length - 1 ? { keyboard } : {}),
  }));
}
