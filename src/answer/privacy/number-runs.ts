/**
 * Finds personal numbers however they are typed: in any width (NFKC runs first), spaced or
 * dashed in groups ("138 1234 5678", "4402 0519 9001 0112 3X"), or in Chinese numerals
 * ("一三八一二三四五六七八"). A run of digits and separators is cut into the longest spans of
 * whole groups that read as an ID-card, mobile, landline or bank-card number.
 */

const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 一: '1', 幺: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9',
};
const DIGIT = `0-9${Object.keys(CHINESE_DIGITS).join('')}`;
/** Digits with at most three separators between two of them; an ID card's closing X. Linear: the classes are disjoint. */
const RUN = new RegExp(`[+(]?[${DIGIT}](?:[\\s\\-.()]{0,3}[${DIGIT}])*(?:[Xx](?![A-Za-z]))?`, 'g');
const GROUP = /\d+[Xx]?/g;
/** Longest number classified: a 19-digit bank card. */
const MAX_DIGITS = 19;

const KINDS: Array<[RegExp, string]> = [
  [/^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/, '身份证号'],
  [/^[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/, '身份证号'],
  [/^(?:0{0,2}86)?1[3-9]\d{9}$/, '手机号'],
  [/^0\d{9,11}$/, '电话'],
  [/^\d{16,19}$/, '银行卡号'],
];

/** The placeholder names this module writes, e.g. `手机号` for `[手机号]`. */
export const NUMBER_LABELS = [...new Set(KINDS.map(([, label]) => label))];

function classify(digits: string): string | undefined {
  return KINDS.find(([pattern]) => pattern.test(digits))?.[1];
}

/** Masks the numbers in one run of ASCII digits and separators. */
function maskRun(run: string): string {
  const groups = [...run.matchAll(GROUP)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  let out = '';
  let copied = 0;
  for (let i = 0; i < groups.length; ) {
    let found: { last: number; label: string } | undefined;
    let digits = '';
    const spans: Array<{ last: number; digits: string }> = [];
    for (let j = i; j < groups.length && digits.length + (groups[j]?.text.length ?? 0) <= MAX_DIGITS; j += 1) {
      digits += groups[j]?.text ?? '';
      spans.push({ last: j, digits });
    }
    for (const span of spans.reverse()) {
      const label = classify(span.digits);
      if (label) {
        found = { last: span.last, label };
        break;
      }
    }
    const first = groups[i] as (typeof groups)[number];
    if (!found) {
      i += 1;
      continue;
    }
    // A leading + or ( belongs to the number (+86 …, (0751) …).
    const start = first.start > 0 && /[+(]/.test(run[first.start - 1] ?? '') ? first.start - 1 : first.start;
    out += `${run.slice(copied, start)}[${found.label}]`;
    copied = (groups[found.last] as (typeof groups)[number]).end;
    i = found.last + 1;
  }
  return out + run.slice(copied);
}

/** Replaces ID-card, mobile, landline and bank-card numbers in NFKC-normalized text with placeholders. */
export function maskNumberRuns(text: string): string {
  return text.replace(RUN, (run) => {
    const digits = run.replace(/[^\x00-\x7f]/g, (ch) => CHINESE_DIGITS[ch] ?? ch);
    const masked = maskRun(digits);
    // Chinese numerals that are no personal number (一二三四五六七) stay as written.
    return masked === digits ? run : masked;
  });
}
