/**
 * "@<bot name>" in a room message's text. wechaty's `mentionSelf()` depends on the puppet
 * filling the mention list, which some puppets (web protocol ones) leave empty, so the text
 * is checked too. WeChat puts a four-per-em space (U+2005) after a mention picked from the
 * member list, and a plain space when typed by hand.
 */
import { escapeRegex } from '../../src/answer/read/escape-regex.js';

/** What may follow a name for it to count as the whole mention (not a prefix of a longer name). */
const AFTER_NAME = '(?=[\\s\\u2005\\u00a0\\p{P}]|$)';

/** True when `text` mentions one of `names` ("@name" followed by a space, punctuation or the end). */
export function mentionsName(text: string, names: readonly string[]): boolean {
  return usable(names).some((name) => pattern(name).test(text));
}

/** Removes every "@name" of `names` (and the space after it) and trims the result. */
export function stripMentions(text: string, names: readonly string[]): string {
  let out = text;
  for (const name of usable(names)) out = out.replace(pattern(name, 'g'), '');
  return out.trim();
}

// Longest first: for names "小曲" and "小曲 法律助手", "@小曲 法律助手" is removed whole.
function usable(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
}

function pattern(name: string, flags = ''): RegExp {
  return new RegExp(`@${escapeRegex(name)}${AFTER_NAME}[\\u2005\\u0020]?`, `u${flags}`);
}
