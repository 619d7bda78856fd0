/**
 * Finds the numbers in a Chinese text, whatever their script: Arabic (1403, 2747.97万, 46.7%),
 * full-width (０７５１), Chinese (七日, 六十日, 两千, 百分之九十九, 二〇二三年). Each number gets a
 * comparable key, so "60天" and "六十日" are the same number and 274 is never found in 2747.97.
 */

/** One number found in a text. */
export interface NumberMention {
  /** The number as written, e.g. `六十`, `2747.97万`, `46.7%`. */
  raw: string;
  start: number;
  end: number;
  /** Its value as a plain decimal string: `60`, `27479700`, `46.7`. */
  value: string;
  /** What it counts, when the text says: y(ears), m(onths), d(ays), h(ours), w(eeks), pct; '' otherwise. */
  unit: string;
  /** Digits only, as written (`12348`): hotlines and phone numbers are compared this way. */
  digits?: string;
}

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const CN = '零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿';

/**
 * One alternative per way of writing a number; the first that matches at a position wins.
 * Arabic numbers may carry a Chinese multiplier (3054万) or a percent sign.
 */
const NUMBER = new RegExp(
  [
    `百分之[${CN}]+(?:点[${CN}]+)?`,
    `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?[万亿千]?%?`,
    `\\d+(?:\\.\\d+)?[万亿千]?%?`,
    `[${CN}]+(?:点[零〇一二三四五六七八九]+)?`,
    `半(?=个?月|年|天|日|个?小时)`,
  ].join('|'),
  'gu',
);
const UNIT_AFTER: Array<[RegExp, string]> = [
  [/^[多余来]?(?:个)?(?:工作日|日|天)/u, 'd'],
  [/^[多余来]?(?:个)?(?:半)?月/u, 'm'],
  [/^[多余来]?(?:周年|年)/u, 'y'],
  [/^[多余来]?(?:个)?(?:小时|钟头)/u, 'h'],
  [/^[多余来]?(?:个)?(?:周|星期|礼拜)/u, 'w'],
];

/** Maps full-width digits and signs to ASCII, one character for one, so offsets stay valid. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．％－：，（）]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Value of a Chinese numeral (`六十`, `两千零五`, `二〇二三`), or undefined when it is none. */
export function chineseValue(numeral: string): number | undefined {
  const chars = [...numeral];
  if (chars.every((ch) => ch in DIGIT)) {
    // Written digit by digit (二〇二三年), unless it is a single digit.
    return chars.reduce((sum, ch) => sum * 10 + (DIGIT[ch] as number), 0);
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of chars) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch in SMALL_UNIT) {
      section += (digit ?? 1) * (SMALL_UNIT[ch] as number);
      digit = undefined;
    } else if (ch in BIG_UNIT) {
      const big = BIG_UNIT[ch] as number;
      const part = section + (digit ?? 0);
      total = big > 1e4 ? (total + (part || 1)) * big : total + (part || 1) * big;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

function decimalPart(numeral: string): number {
  return Number(`0.${[...numeral].map((ch) => DIGIT[ch] ?? 0).join('')}`);
}

/** A canonical decimal string: 27479700, 46.7, 0.5. */
function canonical(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function parse(raw: string): { value: number; percent: boolean } | undefined {
  if (raw === '半') return { value: 0.5, percent: false };
  if (raw.startsWith('百分之')) {
    const parsed = parse(raw.slice(3));
    return parsed && { value: parsed.value, percent: true };
  }
  const percent = raw.endsWith('%');
  const body = percent ? raw.slice(0, -1) : raw;
  const arabic = /^([\d,]+(?:\.\d+)?)([万亿千]?)$/u.exec(body);
  if (arabic) {
    const multiplier = arabic[2] ? ((BIG_UNIT[arabic[2]] ?? SMALL_UNIT[arabic[2]]) as number) : 1;
    return { value: Number((arabic[1] as string).replace(/,/g, '')) * multiplier, percent };
  }
  const [whole = '', fraction] = body.split('点');
  const value = chineseValue(whole);
  if (value === undefined) return undefined;
  return { value: fraction ? value + decimalPart(fraction) : value, percent };
}

/** Every number in `text`, in order. `text` may hold full-width digits. */
export function findNumbers(text: string): NumberMention[] {
  const half = toHalfWidth(text);
  const found: NumberMention[] = [];
  for (const match of half.matchAll(NUMBER)) {
    const raw = match[0];
    const start = match.index;
    const parsed = parse(raw);
    if (!parsed) continue;
    const rest = half.slice(start + raw.length, start + raw.length + 6);
    const unit = parsed.percent ? 'pct' : (UNIT_AFTER.find(([pattern]) => pattern.test(rest))?.[1] ?? '');
    const mention: NumberMention = { raw: text.slice(start, start + raw.length), start, end: start + raw.length, value: canonical(parsed.value), unit };
    if (/^\d+$/.test(raw)) mention.digits = raw;
    found.push(mention);
  }
  return found;
}

/** Whether a number in an answer is the number a source gives: same value, and same unit when the answer names one. */
export function sameNumber(said: NumberMention, source: NumberMention): boolean {
  if (said.value !== source.value) return false;
  if (said.unit === 'pct' || source.unit === 'pct') return said.unit === source.unit;
  return said.unit === '' || said.unit === source.unit;
}

/** Words whose numeral counts nothing ("一般", "十分", "千万", "老百姓"): never a figure. */
const IDIOMS = [
  '一般', '一定', '一起', '一些', '一下', '一直', '一样', '一切', '统一', '一律', '一旦', '万一', '一站式', '之一',
  '一方', '一并', '一致', '唯一', '进一步', '一步', '一同', '一体', '一向', '百姓', '千万', '十分', '一点儿', '一边',
  '一时', '一手', '一再', '一心', '一概', '不一', '同一', '单一', '逐一', '一一', '一了百了', '一次性', '第一时间',
  '一揽子', '一把手', '一口气', '一会儿', '一阵', '一家人', '一线', '三天两头', '五花八门', '七上八下', '乱七八糟',
  '千方百计', '四面八方', '再三', '三思', '九牛一毛', '一五一十', '万无一失', '一目了然', '一分钱',
];
const IDIOM = new RegExp(IDIOMS.join('|'), 'gu');
/** A lone 一 is an article ("一个人", "一次") unless it counts time or money. */
const COUNTS_AFTER_ONE = /^(?:个?月|年|周年|日|天|个?工作日|周|星期|个?小时|分钟|元|万|千|百|岁|倍|成|折)/u;
/**
 * List markers ("1." "2、" at a line start, "(一)" anywhere, "一、" at a line start, "第一步")
 * and what to type ("回复1"): the bot's own structure, not facts.
 */
const MARKERS =
  /(?:^|\n)[ \t]*\d{1,2}[.、)](?!\d)|[(（][一二三四五六七八九十]{1,3}[)）]|(?:^|\n)[ \t]*[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,2}(?:步|点)|(?:回复|输入|发送|按)\s*\d{1,2}(?!\d)/gu;

function spans(pattern: RegExp, text: string): Array<[number, number]> {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The numbers of `text` that state something: without list markers, numerals inside idioms,
 * and a lone 一 that is an article. These are what must have a source.
 */
export function findFigures(text: string): NumberMention[] {
  const numbers = findNumbers(text);
  if (numbers.length === 0) return numbers;
  const skip = [...spans(IDIOM, text), ...spans(MARKERS, toHalfWidth(text))];
  return numbers.filter((n) => {
    if (skip.some(([start, end]) => n.start >= start && n.end <= end)) return false;
    if ((n.raw === '一' || n.raw === '壹') && !COUNTS_AFTER_ONE.test(text.slice(n.end, n.end + 4))) return false;
    return true;
  });
}

/**
 * `text` with every number written in Arabic digits (二〇二三年 and ２０２３年 → 2023年,
 * 十二月三十一日 → 12月31日): for comparing phrases, never for showing. Idioms are not numbers
 * and stay as written.
 */
export function normalizeNumerals(text: string): string {
  const half = toHalfWidth(text);
  const idioms = spans(IDIOM, half);
  let out = '';
  let at = 0;
  for (const n of findNumbers(half)) {
    if (n.unit === 'pct' || /^[\d.,%万亿千]+$/u.test(n.raw) || idioms.some(([start, end]) => n.start >= start && n.end <= end)) continue;
    out += half.slice(at, n.start) + n.value;
    at = n.end;
  }
  return out + half.slice(at);
}
