/**
 * Identifiers other than phone, ID-card and bank numbers: WeChat ids, QQ numbers, passport
 * and permit numbers, birth dates, car plates and case numbers. Those with a fixed shape
 * (wxid_…, 粤F·12345, (2024)粤0205民初123号, E12345678) are found anywhere; the others after
 * the cue words of knowledge/privacy.yaml. Runs on NFKC text, before the number runs.
 */
import type { PrivacyRules } from '../knowledge/privacy-schema.js';
import { escapeRegex } from '../read/escape-regex.js';

/** Longest first, so that 微信号 is tried before 微信. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
}

/** A cue of Latin letters is a word of its own: not the end of one ("abcvx") nor its start (WECHATY). */
const cueWord = (cues: readonly string[]) => `(?<![a-z])(?:${alternation(cues)})(?:(?<![a-z])|(?![a-z]))`;
/** Between a cue and what it introduces: "微信号:", "QQ是", "护照号码为 ". */
const LEAD = '\\s*(?:是|为|:|号码|号)?\\s*';
/**
 * A WeChat id after its cue: with 号, 是 or a colon between, any id ("微信号 zhangwei"); after the
 * bare cue, one with a digit, _ or - ("微信 zhang_88", not "微信 puppet").
 */
const WECHAT_LEAD = '(?:\\s*(?:是|为|:|号码|号)\\s*|(?<=号)\\s*|\\s*(?=[A-Za-z]*[0-9_-]))';
const LATIN_OR_DIGIT_AFTER = '(?![A-Za-z0-9_-])';

/** Digits written in Chinese in dates: 一九八五年三月二日. */
const CN = '[〇零一二三四五六七八九十]';
const YEAR = `(?:(?:19|20)\\d{2}|${CN}{4})`;
const MONTH = `(?:0?[1-9]|1[0-2]|${CN}{1,2})`;
const DAY = `(?:0?[1-9]|[12]\\d|3[01]|${CN}{1,3})`;
/** A date with its month: 1985年3月2日, 1985-03-02, 1985.3.2, 85年3月2号, 3月2日, 1985年3月, 19850302. */
const DATE =
  `(?:(?:${YEAR}|\\d{2})\\s*年\\s*${MONTH}\\s*月(?:\\s*${DAY}\\s*[日号])?` +
  `|${YEAR}\\s*[-./]\\s*${MONTH}\\s*[-./]\\s*${DAY}(?![\\d.])` +
  `|${MONTH}\\s*月\\s*${DAY}\\s*[日号]` +
  `|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?!\\d))`;

/** The provinces' one-character names, as plates and case numbers start. */
const PROVINCE = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';

/** Fixed shapes, found without a cue. */
const FIXED: Array<[RegExp, string]> = [
  // (2024)粤0205民初123号, (2019)曲法民初字第123号: full-width brackets are ASCII after NFKC.
  [/[([〔【]\s*(?:19|20)\d{2}\s*[)\]〕】]\s*[\u4e00-\u9fa5]{1,2}\d{0,4}[\u4e00-\u9fa5]{1,8}?\s*第?\s*\d{1,6}\s*号(?:之[一二三四五六七八九十\d]{1,3})?/g, '案号'],
  // Without brackets: 2024粤0205民初123号 (a year, the court's province and code, the kind, the number).
  [new RegExp(`(?<!\\d)(?:19|20)\\d{2}${PROVINCE}\\d{2,4}[\u4e00-\u9fa5]{1,4}\\d{1,6}号`, 'g'), '案号'],
  [/(?<![A-Za-z0-9_])wxid_[A-Za-z0-9_-]{4,30}/gi, '微信号'],
  // 粤F12345, 粤F·12345, 粤 F 1234D, new energy 粤FD12345; at least one digit (粤A alone is a city).
  [new RegExp(`${PROVINCE}\\s?[A-HJ-NP-Za-hj-np-z][\\s·•・.-]{0,2}(?=[A-Za-z]{0,5}\\d)[A-HJ-NP-Za-hj-np-z0-9]{5,6}[挂学警]?(?![A-Za-z0-9])`, 'g'), '车牌'],
  // New ordinary passports: E + 8 digits, or E + a letter + 7 digits.
  [/(?<![A-Za-z0-9])(?:[Ee]\d{8}|[Ee][A-Za-z]\d{7})(?![A-Za-z0-9])/g, '护照号'],
];

/** Masks the identifiers of fixed shape; needs no word list. */
export function maskFixedIds(text: string): string {
  let masked = text;
  for (const [pattern, label] of FIXED) masked = masked.replace(pattern, `[${label}]`);
  return masked;
}

/** What follows each kind of cue, and the label it gets. */
function cuePatterns(ids: PrivacyRules['ids']): Array<[RegExp, string]> {
  const bornAfter = alternation(ids.bornAfter);
  return [
    // An id of letters, digits, _ and -, or a number (a phone number is masked as one later).
    [new RegExp(`(${cueWord(ids.wechatCues)}${WECHAT_LEAD})(?:[A-Za-z][-_A-Za-z0-9]{5,19}|\\d{5,12})${LATIN_OR_DIGIT_AFTER}`, 'gi'), '微信号'],
    [new RegExp(`(${cueWord(ids.qqCues)}${LEAD})[1-9]\\d{4,11}${LATIN_OR_DIGIT_AFTER}`, 'gi'), 'QQ号'],
    [new RegExp(`(${cueWord(ids.passportCues)}${LEAD})(?=[A-Za-z]{0,3}\\d)[A-Za-z0-9]{7,12}${LATIN_OR_DIGIT_AFTER}`, 'gi'), '护照号'],
    [new RegExp(`(${alternation(ids.birthCues)}\\s*(?:是|为|:|在)?\\s*)${DATE}`, 'g'), '出生日期'],
    // …出生, and 生 ending a clause as documents write it ("男,1990年5月12日生,汉族").
    [new RegExp(`()${DATE}(?=\\s*(?:${bornAfter}|生(?![\\u4e00-\\u9fa5])|生汉族))`, 'g'), '出生日期'],
  ];
}

/** Builds the masker of cued identifiers (and those of fixed shape) from the lists. */
export function createIdMasker(ids: PrivacyRules['ids']): (text: string) => string {
  const patterns = cuePatterns(ids);
  return (text) => {
    let masked = maskFixedIds(text);
    for (const [pattern, label] of patterns) masked = masked.replace(pattern, (_all, lead: string) => `${lead}[${label}]`);
    return masked;
  };
}
