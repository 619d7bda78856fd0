/**
 * Masks personal numbers and self-introduced names in free text. Used wherever user text
 * could reach a log line or the store: these are legal matters of real people.
 */

const ID_CARD = /(?<!\d)[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g;
const ID_CARD_OLD = /(?<!\d)[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g;
const BANK_CARD = /(?<!\d)\d(?:[ -]?\d){15,18}(?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)/g;
const SELF_NAME = /(我叫|我的名字是|本人叫|我是)([\u4e00-\u9fa5·]{2,4})/g;

/** Replaces ID-card, bank-card, mobile and landline numbers with placeholders. */
export function maskNumbers(text: string): string {
  return text
    .replace(ID_CARD, '[身份证号]')
    .replace(ID_CARD_OLD, '[身份证号]')
    .replace(MOBILE, '[手机号]')
    .replace(BANK_CARD, '[银行卡号]')
    .replace(LANDLINE, '[电话]');
}

/** {@link maskNumbers}, and a name given after 我叫 / 我是 too. */
export function maskPersonal(text: string): string {
  return maskNumbers(text).replace(SELF_NAME, (_all, lead: string) => `${lead}[姓名]`);
}

const PLACEHOLDER = /\[(?:身份证号|手机号|银行卡号|电话|姓名)\]/g;

/**
 * Removes personal numbers and self-introduced names altogether: they say nothing about
 * what is asked, and as unknown words they would only lower the match confidence.
 */
export function stripPersonal(text: string): string {
  return maskPersonal(text).replace(PLACEHOLDER, ' ');
}
