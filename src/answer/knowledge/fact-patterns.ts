/**
 * Patterns of local facts an answer must never invent: phone numbers, addresses, opening
 * hours, names of people, and promises of an outcome. A match passes only when its sources
 * say the same (see fact-check.ts).
 */
import type { FactRule } from './fact-rules.js';
import { toHalfWidth } from './numbers.js';

/** One suspicious stretch of a text. */
export interface PatternMatch {
  rule: Extract<FactRule, 'phone' | 'address' | 'hours' | 'name' | 'promise'>;
  start: number;
  end: number;
  /** What the sources must contain for the match to pass. */
  core: string;
}

const HAN = '\\p{Script=Han}';
const CN_DIGIT = '零〇一二三四五六七八九十两';
const CLOCK = `(?:\\d{1,2}\\s*:\\s*\\d{2}|[\\d${CN_DIGIT}]{1,3}\\s*(?:点|时)\\s*(?:半|钟|整|[\\d${CN_DIGIT}]{1,3}\\s*分?)?)`;
/** 八点半, 9:30, 十点二十分: a clock time even with nothing around it. */
const EXACT_CLOCK = `(?:\\d{1,2}\\s*:\\s*\\d{2}|[\\d${CN_DIGIT}]{1,3}\\s*(?:点|时)\\s*(?:半|[\\d${CN_DIGIT}]{1,3}\\s*分))`;
const DAYPART = '(?:上午|下午|早上|早晨|晚上|中午|凌晨|傍晚)';
const RANGE = '\\s*(?:至|到|-|—|–|~|～)\\s*';
const WEEKDAY = '(?:周|星期|礼拜)[一二三四五六日天]';

const PATTERNS: Array<{ rule: PatternMatch['rule']; pattern: RegExp; core?: (m: RegExpMatchArray) => string }> = [
  // Seven digits or more, single separators allowed: 0751-8888888, 138 0013 8000. Hotlines are shorter.
  { rule: 'phone', pattern: /(?<![\d.])\(?\d(?:[-\s—–)]?\d){6,}(?![\d.])/gu },
  {
    rule: 'hours',
    pattern: new RegExp(
      `(?:${DAYPART}\\s*${CLOCK}|${EXACT_CLOCK}|${CLOCK}(?=${RANGE}|\\s*(?:前|以前|之前|后|以后|开门|关门|上班|下班|办公|营业|开放)))(?:${RANGE}${DAYPART}?\\s*${CLOCK})?` +
        `|${WEEKDAY}(?:${RANGE}${WEEKDAY})?` +
        `|(?:工作日|节假日|双休日)[^,，。;；!！?？\\n]{0,12}?(?:办公|上班|开门|营业|开放|值班)` +
        `|(?:办公|上班|开放|营业|工作|值班)时间\\s*(?:是|为|:|：)[^,，。;；!！?？\\n]{1,20}`,
      'gu',
    ),
  },
  {
    rule: 'address',
    pattern: new RegExp(`(?:位于|坐落于|坐落在|地址\\s*(?:是|为|在|:|：))\\s*([^,，。;；!！?？\\n]{2,30})`, 'gu'),
    core: (m) => m[1] ?? m[0],
  },
  {
    rule: 'address',
    pattern: new RegExp(
      `[${HAN}]{2}(?<![走出思一线门套上问带铁公马网道进逛小到在过条这那去回沿顺])(?:路|大道|大街|街|巷)(?:[\\d${CN_DIGIT}]+号)?(?=$|[\\s,，。;；、!！?？()（）]|\\d|号|口|附近|旁|边|的|以)`,
      'gu',
    ),
  },
  {
    rule: 'name',
    pattern: new RegExp(`(?:联系人|经办人|联络人|对接人)\\s*(?:是|为|:|：)?\\s*[${HAN}]{1,4}|负责人\\s*(?:是|为|:|：)\\s*[${HAN}]{2,4}`, 'gu'),
  },
  {
    rule: 'name',
    // Common surnames that are not also common function words, before a title: 张律师, 李主任.
    pattern: /[王李张刘陈杨黄赵吴徐孙马朱胡郭林罗梁宋郑韩唐冯邓曹彭曾萧田董潘袁蔡蒋杜叶魏苏吕丁沈姚卢姜崔钟谭陆汪廖邹熊陶邵龚孟赖侯温欧黎](?:律师|主任|科长|局长|所长|处长|站长|队长|部长|书记|镇长|村长|乡长|区长|院长|庭长|法官|检察官|警官|调解员|老师|医生|经理|同志|先生|女士|阿姨|师傅)/gu,
  },
  {
    rule: 'promise',
    pattern:
      /全部胜诉|无一败诉|零败诉|包(?:赢|胜|过|打赢)|稳(?:赢|胜)|必(?:胜|赢)|百分之?百|100%(?:胜诉|赢|成功|能)|(?<!不能|无法|不会|不敢|没法|不)保证(?!金|人|书|合同|期间|方式|责任|保险)|(?<!不|未必|并不)(?:一定|肯定|绝对)(?:能|会|可以)?(?:赢|胜诉|成功|打赢|要回|追回|拿回|拿到|解决)/gu,
  },
];

/** A date written with dashes is not a phone number; "地址在哪里" states no address. */
const DATE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/u;
const ASKING = /哪|什么|几|多少|没有|没写|不知道|\?|？/u;

/** Every suspicious stretch of `text`, in order of position. */
export function findPatterns(text: string): PatternMatch[] {
  const half = toHalfWidth(text);
  const found: PatternMatch[] = [];
  for (const { rule, pattern, core } of PATTERNS) {
    for (const match of half.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (rule === 'phone' && (match[0].replace(/\D/g, '').length < 7 || DATE.test(match[0]))) continue;
      if (rule !== 'phone' && rule !== 'promise' && ASKING.test(match[0])) continue;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ rule, start, end, core: (core ? core(match) : match[0]).trim() });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
