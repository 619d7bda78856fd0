/**
 * Recognizes the few messages that are not questions: greetings and menu commands, and a
 * bare number picking from the last list.
 */
import { escapeRegex } from '../text/escape-regex.js';

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const PICK = /^(?:第|选|选择)?\s*(\d{1,3}|[一二两三四五六七八九十])\s*(?:个|项|条|号)?$/u;
const FILLER = /[\s,.!?;:、。~…/@#]+/g;

/** The number picked by a message like "2", "第二个", "选3"; undefined for anything else. */
export function parsePick(normalized: string): number | undefined {
  const match = PICK.exec(normalized.replace(/[\s,.!?。]+$/u, ''));
  if (!match?.[1]) return undefined;
  const raw = match[1];
  return /\d/.test(raw) ? Number(raw) : CHINESE_DIGITS[raw];
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
  const strip = (text: string, list: string[]) => {
    let rest = text;
    for (const word of list) rest = rest.split(word).join('');
    return rest.replace(/[啊呀呢吧哦嘛哈啦拉喔哇咯嗯噢先晒嚟㗎喎]/g, '');
  };
  return (normalized) => {
    const text = withoutFiller(normalized);
    // At least one of its own words must be there: "你好" alone is no thanks. Where none
    // occurs, stripping them would change nothing: most messages stop at this scan.
    if (text === '' || !own.some((word) => text.includes(word))) return false;
    if (strip(text, own) === text.replace(/[啊呀呢吧哦嘛哈啦拉喔哇咯嗯噢先晒嚟㗎喎]/g, '')) return false;
    return strip(text, all) === '';
  };
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
export function createGreetingTest(greetings: readonly string[]): (normalized: string) => boolean {
  return createOnlyWordsTest(greetings);
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
