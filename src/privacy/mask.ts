/**
 * Masks personal data in free text wherever it is kept: log lines and the store (review,
 * CSV). The text is NFKC-normalized first, so full-width digits and letters are caught too;
 * then e-mail addresses, personal numbers in any spacing or in Chinese numerals
 * (number-runs.ts), street addresses, and names people give for themselves or their family.
 */
import { maskNumberRuns, NUMBER_LABELS } from './number-runs.js';

const HAN = '\\u4e00-\\u9fa5';
/** Bounded and anchored at the start of the local part, so a long run cannot backtrack. */
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;
/** …路/街/巷 + a house number + 号, with building, unit and room; not the words before the road name. */
const ADDRESS = new RegExp(
  `(?:(?![在住于到去从是的我你他她省市县区镇乡])[${HAN}]){0,6}(?:大道|大街|胡同|路|街|巷|弄)\\s*` +
    `[0-9一二三四五六七八九十百零〇]{1,6}(?:-[0-9]{1,4})?\\s*号(?:之[0-9一二三四五六七八九十]{1,3})?` +
    `(?:\\s*[0-9A-Za-z一二三四五六七八九十-]{1,6}\\s*(?:号楼|栋|幢|座|单元|楼|层|室|房)){0,4}`,
  'g',
);
const SELF_NAME = new RegExp(`(我叫|我的名字是|我的名字叫|本人叫|我名叫)\\s*[${HAN}·]{2,4}`, 'g');
const SURNAME = new RegExp(`(我姓|本人姓)\\s*[${HAN}](?:\\s*[名叫]\\s*[${HAN}]{1,2})?`, 'g');
/**
 * Common surnames (with Guangdong's): a family member's name must start with one, so that
 * "老公叫人打我" keeps its meaning while "我老婆叫黄丽丽" loses the name.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤温赖巫麦岑翁古利骆凌伍庞邝冼甘练植欧司';
/**
 * 我是 + a name standing alone ("我是张伟,…"): a surname first and the clause ending there, so
 * that "我是低保户", "我是外地人" or "我是王村的" keep what staff need to read.
 */
const SELF_IS_NAME = new RegExp(`(我是)\\s*[${SURNAMES}][${HAN}]{1,2}(?=[\\s,.!?;:，。！？；：、]|$)`, 'g');
/** What people say they are ends so (王村的, 黄家人, 村里的低保户…); a given name hardly does. */
const NOT_A_NAME_END = /[的人户村镇家里者员工族民们]$/;
const RELATIVE_NAME = new RegExp(
  `(老婆|老公|妻子|丈夫|爱人|媳妇|儿子|女儿|孩子|爸爸|妈妈|父亲|母亲|哥哥|姐姐|弟弟|妹妹|前夫|前妻|男朋友|女朋友|对象|朋友|同事|老板|邻居|房东|对方)` +
    `(的名字|的名字是)?\\s*(叫做|名叫|叫)\\s*[${SURNAMES}][${HAN}·]{1,3}`,
  'g',
);

/** Replaces e-mail addresses and ID-card, bank-card, mobile and landline numbers with placeholders. */
export function maskNumbers(text: string): string {
  return maskNumberRuns(text.normalize('NFKC').replace(EMAIL, '[邮箱]'));
}

/**
 * ASCII without digits or "@": nothing here can match (numbers need a digit, e-mail an "@",
 * addresses and names Chinese characters), and NFKC leaves it as it is. Log fields such as
 * reply kinds, step names and most entry ids are such text; they skip the passes.
 */
const NOTHING_TO_MASK = /^[\x00-\x2f\x3a-\x3f\x41-\x7f]*$/;

/** {@link maskNumbers}, and street addresses and the names people give (我叫…, 我姓张名伟, 我老婆叫…) too. */
export function maskPersonal(text: string): string {
  if (NOTHING_TO_MASK.test(text)) return text;
  // Each pattern below needs one character (号, 我 or 本, 姓, 叫): a text without it is left as it
  // is, which spares the address pattern's scan of every Chinese character of a long story.
  let masked = maskNumbers(text);
  if (masked.includes('号')) masked = masked.replace(ADDRESS, '[地址]');
  if (masked.includes('我') || masked.includes('本')) {
    masked = masked
      .replace(SELF_NAME, (_all, lead: string) => `${lead}[姓名]`)
      .replace(SELF_IS_NAME, (all, lead: string) => (NOT_A_NAME_END.test(all) ? all : `${lead}[姓名]`));
  }
  if (masked.includes('姓')) masked = masked.replace(SURNAME, (_all, lead: string) => `${lead}[姓名]`);
  if (masked.includes('叫')) masked = masked.replace(RELATIVE_NAME, (_all, who: string, name = '', verb: string) => `${who}${name}${verb}[姓名]`);
  return masked;
}

const PLACEHOLDER = new RegExp(`\\[(?:${[...NUMBER_LABELS, '邮箱', '地址', '姓名'].join('|')})\\]`, 'g');

/**
 * Removes personal numbers and self-introduced names altogether: they say nothing about
 * what is asked, and as unknown words they would only lower the match confidence.
 */
export function stripPersonal(text: string): string {
  return maskPersonal(text).replace(PLACEHOLDER, ' ');
}
