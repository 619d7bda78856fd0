/**
 * Whole numbers written in Chinese, as people type them: 十五, 两千, 一万二 (= 12,000, the
 * spoken short form), 三千五 (= 3,500), 一万零五十, and digit by digit 二〇二六.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000 };

/** Characters a Chinese numeral is made of (for building patterns). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十拾百佰千仟万萬亿';

/** The value of one Chinese digit character, or undefined. */
export function chineseDigit(char: string): number | undefined {
  return DIGITS[char];
}

function digitByDigit(text: string): number | undefined {
  let value = 0;
  for (const char of text) {
    const digit = /\d/u.test(char) ? Number(char) : DIGITS[char];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The value of a Chinese numeral (Arabic digits may stand for Chinese ones: 1万5 = 15,000),
 * or undefined when `text` is not one. A lone digit after a unit is the next lower unit's
 * count (一万二 = 12,000; 一百二 = 120), unless a 零 stands between them (一万零二 = 10,002).
 */
export function parseChineseInteger(text: string): number | undefined {
  // Tokens: a run of Arabic digits is one count (12万 = 120,000); every other character is one.
  const tokens = text.trim().match(/\d+|./gsu) ?? [];
  if (tokens.length === 0) return undefined;
  if (!tokens.some((token) => token in SMALL_UNITS || token in BIG_UNITS)) {
    return digitByDigit(tokens.join(''));
  }
  let total = 0;
  let section = 0;
  let number: number | undefined;
  let lastUnit = 0;
  let zeroSinceUnit = false;
  let previousWasUnit = false;
  for (const token of tokens) {
    const digit = /^\d+$/u.test(token) ? Number(token) : DIGITS[token];
    const small = SMALL_UNITS[token];
    const big = BIG_UNITS[token];
    if (digit !== undefined) {
      if (number !== undefined && number !== 0) return undefined;
      if (digit === 0) zeroSinceUnit = true;
      number = digit;
      previousWasUnit = false;
    } else if (small !== undefined) {
      if (previousWasUnit && lastUnit < 10_000) return undefined;
      section += (number ?? 1) * small;
      number = undefined;
      lastUnit = small;
      zeroSinceUnit = false;
      previousWasUnit = true;
    } else if (big !== undefined) {
      if (section === 0 && (number ?? 0) === 0 && total === 0) return undefined;
      total = (total + section + (number ?? 0)) * big;
      section = 0;
      number = undefined;
      lastUnit = big;
      zeroSinceUnit = false;
      previousWasUnit = true;
    } else return undefined;
  }
  if (number !== undefined && number !== 0) {
    // 一万二 / 三千五: a lone digit right after a unit counts the unit below it.
    const afterUnit = tokens.length >= 2 && (tokens.at(-2)! in SMALL_UNITS || tokens.at(-2)! in BIG_UNITS);
    const shortForm = !zeroSinceUnit && afterUnit && lastUnit >= 100 && number < 10;
    section += shortForm ? number * (lastUnit / 10) : number;
  }
  return total + section;
}

/** Full-width digits and date separators (０-９, －, ／, ．) as ASCII, other text unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９－／．]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}
