/**
 * Recognizes the few messages that are not questions: greetings and menu commands, and a
 * bare number picking from the last list.
 */

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

/** Builds a test for "only a greeting or a menu command" from the knowledge base's list. */
export function createGreetingTest(greetings: readonly string[]): (normalized: string) => boolean {
  const words = [...greetings].map((word) => word.toLowerCase()).sort((a, b) => b.length - a.length);
  return (normalized) => {
    let rest = normalized.replace(FILLER, '');
    if (rest === '') return false;
    for (const word of words) rest = rest.split(word).join('');
    return rest.replace(/[啊呀呢吧哦嘛哈啦喔]/g, '') === '';
  };
}

/** Strips a leading greeting ("你好,请问…") so the question itself is matched. */
export function createGreetingStripper(greetings: readonly string[]): (normalized: string) => string {
  const words = [...greetings, '请问', '麻烦问一下', '问一下', '想问一下', '想问下', '问下']
    .map((word) => word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .sort((a, b) => b.length - a.length);
  const lead = new RegExp(`^(?:(?:${words.join('|')})[\\s,.!?。~啊呀]*)+`, 'u');
  return (normalized) => normalized.replace(lead, '').trim();
}
