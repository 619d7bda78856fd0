/**
 * Recognizes the few messages that are not questions: greetings and menu commands, and a
 * bare number picking from the last list.
 */
import { escapeRegex } from '../read/escape-regex.js';

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PICK = /^(?:第|选|选择)?\s*(\d{1,3}|[一二两三四五六七八九]?十?[一二两三四五六七八九]?)\s*(?:个|项|条|号)?$/u;
const FILLER = /[\s,.!?;:、。~…/@#]+/g;

/** The number picked by a message like "2", "第二个", "选3"; undefined for anything else. */
export function parsePick(normalized: string): number | undefined {
  const match = PICK.exec(normalized.replace(/[\s,.!?。]+$/u, ''));
  if (!match?.[1]) return undefined;
  const raw = match[1];
  return /\d/.test(raw) ? Number(raw) : chineseNumber(raw);
}

/** 一…九十九 as written for a list's numbers (五, 十, 十五, 二十, 二十三); undefined for anything else. */
function chineseNumber(raw: string): number | undefined {
  const ten = raw.indexOf('十');
  if (ten < 0) return raw.length === 1 ? CHINESE_DIGITS[raw] : undefined;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[raw.slice(0, ten)];
  const ones = ten === raw.length - 1 ? 0 : CHINESE_DIGITS[raw.slice(ten + 1)];
  return tens === undefined || ones === undefined ? undefined : tens * 10 + ones;
}

/**
 * Builds a test for "nothing but these words" (greetings, thanks, 转人工…), ignoring
 * punctuation, spaces, modal particles and the `extra` words (e.g. a greeting before 谢谢).
 */
export function createOnlyWordsTest(
  words: readonly string[],
  extra: readonly string[] = [],
): (normalized: string) => boolean {
  const own = sortLongestFirst(words);
  const all = sortLongestFirst([...words, ...extra]);
  return (normalized) => {
    const text = withoutFiller(normalized);
    // At least one of its own words must be there: "你好" alone is no thanks. Where none
    // occurs, nothing more is tried: most messages stop at this scan.
    if (text === '' || text.length > MAX_ONLY_WORDS_CHARS || !own.some((word) => text.includes(word))) return false;
    return madeOf(text, all);
  };
}

/**
 * Builds a test for "one of these phrases somewhere in a short message" ("讲不清楚,还是转人工吧"):
 * longer than `withinChars`, a message is a question that happens to contain the phrase.
 */
export function createPhraseTest(phrases: readonly string[], withinChars: number): (normalized: string) => boolean {
  return (normalized) => {
    if (phrases.length === 0) return false;
    const text = withoutFiller(normalized);
    return text.length <= withinChars && phrases.some((phrase) => text.includes(phrase));
  };
}

/** Longer than this, a message is a question, whatever words it opens with. */
const MAX_ONLY_WORDS_CHARS = 40;
const PARTICLE = /[啊呀呢吧哦嘛哈啦拉喔哇咯嗯噢先晒嚟㗎喎]/u;

/**
 * True when the text is a sequence of the words and modal particles, split any way ("好的谢谢你"
 * is 好的 + 谢谢你, though 好的谢谢 is a word too): a greedy strip of the longest word first can
 * leave a stray character.
 */
function madeOf(text: string, words: readonly string[]): boolean {
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let at = 0; at < text.length; at += 1) {
    if (!reachable[at]) continue;
    if (PARTICLE.test(text[at] as string)) reachable[at + 1] = true;
    for (const word of words) if (text.startsWith(word, at)) reachable[at + word.length] = true;
  }
  return reachable[text.length] === true;
}

let lastInput: string | undefined;
let lastStripped = '';
/** The text without spaces and punctuation; the several tests a message meets share one pass (the last input is kept). */
function withoutFiller(normalized: string): string {
  if (normalized !== lastInput) {
    lastInput = normalized;
    lastStripped = normalized.replace(FILLER, '');
  }
  return lastStripped;
}

/** Builds a test for "only a greeting or a menu command" from the knowledge base's list. */
export function createGreetingTest(greetings: readonly string[], fillers: readonly string[] = []): (normalized: string) => boolean {
  return createOnlyWordsTest(greetings, fillers);
}

function sortLongestFirst(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => word.toLowerCase()))].sort((a, b) => b.length - a.length);
}

/** Strips a leading greeting ("你好,请问…") so the question itself is matched. */
export function createGreetingStripper(greetings: readonly string[]): (normalized: string) => string {
  const words = [...greetings, '请问', '麻烦问一下', '问一下', '想问一下', '想问下', '问下']
    .map((word) => escapeRegex(word.toLowerCase()))
    .sort((a, b) => b.length - a.length);
  const lead = new RegExp(`^(?:(?:${words.join('|')})[\\s,.!?。~啊呀]*)+`, 'u');
  return (normalized) => normalized.replace(lead, '').trim();
}
