/**
 * Amounts of money as residents write them: 6000, 6,000元, 6千, 5k, 0.6万, 1.2万, 1万5,
 * 六千元, 一万二, 两万五千块. A bare number is money only when it is at least 100 and is not a
 * count of years, months, days or a date part (3年8个月, 2026-3-2); a bare Chinese numeral
 * only when it has a 百/千/万 in it or a 元/块 after it.
 */
import { asciiDigits, CHINESE_NUMERAL_CHARS, parseChineseInteger } from './chinese-number.js';
import { decimalRatio, plus, ratio, roundToFen, times, type Fen } from './money.js';

/** One amount found in a text. */
export interface MoneyMention {
  fen: Fen;
  text: string;
  index: number;
  end: number;
}

const UNIT_VALUE: Record<string, number> = { 万: 10_000, w: 10_000, W: 10_000, 千: 1000, k: 1000, K: 1000, 百: 100 };
const CURRENCY = '(?:元|块钱|块|圆|rmb|RMB)';
/** What a number that is not money is followed by. */
const NOT_MONEY_AFTER = /^\s*(?:[年月日号天个岁周%％]|[-/.]\d|小时|分钟|次|人|条|楼|层|级|倍)/u;
const ARABIC = new RegExp(
  `(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(万|w|W|千|k|K|百)?(?:(?<=[万wW千kK])\\s*(\\d)(?![\\d.]))?\\s*(${CURRENCY})?`,
  'gu',
);
const CHINESE = new RegExp(`([${CHINESE_NUMERAL_CHARS}]+)\\s*(${CURRENCY})?`, 'gu');

function arabicAmount(match: RegExpMatchArray): Fen | undefined {
  const [, whole, fraction, unit, trailing, currency] = match;
  const value = decimalRatio(fraction ? `${whole}.${fraction}` : whole!);
  if (!value) return undefined;
  const unitValue = unit ? UNIT_VALUE[unit]! : 1;
  let yuan = times(value, ratio(unitValue));
  // 1万5 = 15,000, 5千5 = 5,500: the trailing digit counts the unit below.
  if (trailing) yuan = plus(yuan, ratio(Number(trailing) * (unitValue / 10)));
  if (!unit && !currency && (fraction || yuan.num < 100n * yuan.den)) return undefined;
  return roundToFen(times(yuan, ratio(100)));
}

/** Every amount of money in `text`, in order. */
export function findMoney(text: string): MoneyMention[] {
  const source = asciiDigits(text);
  const found: MoneyMention[] = [];
  const keep = (match: RegExpMatchArray, fen: Fen | undefined) => {
    const end = match.index! + match[0].trimEnd().length;
    if (fen === undefined || NOT_MONEY_AFTER.test(source.slice(end))) return;
    found.push({ fen, text: source.slice(match.index!, end), index: match.index!, end });
  };
  for (const match of source.matchAll(ARABIC)) {
    if (!match[3] && !match[5] && NOT_MONEY_AFTER.test(source.slice(match.index + match[0].length))) continue;
    keep(match, arabicAmount(match));
  }
  for (const match of source.matchAll(CHINESE)) {
    const [, numeral, currency] = match;
    const value = parseChineseInteger(numeral!);
    if (value === undefined || value === 0) continue;
    if (!currency && !(value >= 100 && /[百佰千仟万萬亿]/u.test(numeral!))) continue;
    keep(match, value * 100);
  }
  found.sort((a, b) => a.index - b.index || b.end - a.end);
  return found.filter((mention, at) => !found.slice(0, at).some((kept) => mention.index < kept.end && kept.index < mention.end));
}

/** The first amount in `text` (6000, 六千元, 0.6万 …) in fen, or undefined. */
export function parseMoney(text: string): Fen | undefined {
  return findMoney(text)[0]?.fen;
}
