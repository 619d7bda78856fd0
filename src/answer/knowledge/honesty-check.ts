/**
 * The honesty rules of issue 25 beyond figures (items 3, 4 and 6): a hotline used for its
 * purpose and under its name; links, accounts, e-mail, hours, names after a title, Latin text
 * and claims of cost, obligation or certainty only when a source of the same owner states them.
 * Word lists are knowledge/honesty.yaml; the places are in place-check.ts.
 */
import type { FactRule } from './fact-rules.js';
import type { FactOwner, HonestyContext } from './fact-types.js';
import { toHalfWidth } from './numbers.js';
import { clauseAt, sentenceAt } from './sentences.js';

/** Reports one broken rule at [start, end) of the text. */
export type SpanReport = (rule: FactRule, start: number, end: number, detail: string) => void;

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|');

const URL = /(?:https?:\/\/|www\.)[^\s，。；、)）]+|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu)(?:\.cn)?(?:\/[^\s，。；、)）]*)?/giu;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const ACCOUNT = /(?:微信号|微信|QQ群?|qq群?|企鹅号)\s*[:：是为]?\s*[A-Za-z0-9_-]{5,}/gu;

/** Whether `core` stands in a quote of the owner or in an accepted fact (compared without spaces, half-width). */
function sourced(core: string, quotes: string, honesty: HonestyContext): boolean {
  const key = toHalfWidth(core.replace(/\s+/g, ''));
  return key.length > 0 && (quotes.includes(key) || honesty.accepted.some((fact) => toHalfWidth(fact.text.replace(/\s+/g, '')).includes(key)));
}

/** The quotes of an owner's sources, joined, without spaces, half-width. */
export function quotesOf(owner: FactOwner): string {
  return toHalfWidth(owner.sources.map((source) => (source.quote ?? '').replace(/\s+/g, '')).join('\n'));
}

/** Checks one shown text of `owner` against the honesty rules; `taken` are spans other rules already judged. */
export function checkHonesty(text: string, owner: FactOwner, honesty: HonestyContext, taken: Array<[number, number]>, report: SpanReport): void {
  const quotes = quotesOf(owner);
  const half = toHalfWidth(text);
  const free = (start: number, end: number) => !taken.some(([from, to]) => start < to && end > from);
  const claim = (rule: FactRule, start: number, end: number, detail: string, core = half.slice(start, end)) => {
    if (!free(start, end)) return;
    taken.push([start, end]);
    if (!sourced(core, quotes, honesty)) report(rule, start, end, detail);
  };
  checkHotlines(text, honesty, taken, report);
  for (const pattern of [URL, EMAIL, ACCOUNT]) {
    for (const match of half.matchAll(pattern)) claim('link', match.index, match.index + match[0].length, '来源里没有这个网址、邮箱或账号');
  }
  const { words } = honesty;
  const channel = new RegExp(`[“"「『]([^”"」』]{1,20})[”"」』]\\s*(?:${alternatives(words.channels)})|(?:${alternatives(words.channels)})\\s*[“"「『]([^”"」』]{1,20})[”"」』]`, 'gu');
  for (const match of half.matchAll(channel)) {
    claim('link', match.index, match.index + match[0].length, '来源里没有这个公众号或账号', match[1] ?? match[2] ?? match[0]);
  }
  const when = new RegExp(alternatives(words.hours.when), 'gu');
  const open = new RegExp(alternatives(words.hours.open), 'u');
  for (const match of half.matchAll(when)) {
    const clause = clauseAt(half, match.index, match.index + match[0].length);
    if (!open.test(clause.text)) continue;
    claim('hours', match.index, match.index + match[0].length, `来源里没有说“${clause.text}”`, clause.text);
  }
  checkNames(half, words.titles, claim);
  const latin = new Set(words.latin);
  for (const match of half.matchAll(/[A-Za-z]{2,}(?:\s+[A-Za-z]+)*/gu)) {
    if (match[0].split(/\s+/).every((word) => latin.has(word))) continue;
    claim('latin', match.index, match.index + match[0].length, '回答要用中文;拉丁字母只能是登记过的代码');
  }
  checkClaims(half, owner, honesty, free, taken, report);
}

/** 调解员李明, 律师某某, 张三律师: a person named beside a title needs a source. */
function checkNames(half: string, titles: readonly string[], claim: (rule: FactRule, start: number, end: number, detail: string) => void): void {
  const title = alternatives(titles);
  const after = new RegExp(`(?:${title})(?:是|为|:|：)?\\s*((?:某某|[某][\\p{Script=Han}])|[王李张刘陈杨黄赵吴徐孙马朱胡郭林罗梁宋郑韩唐冯邓曹彭曾萧田董潘袁蔡蒋杜叶魏苏吕丁沈姚卢姜崔钟谭陆汪廖邹熊陶邵龚孟赖侯温欧黎][\\p{Script=Han}]{1,2}?)(?=$|[\\s,，。;；、!！?？()（）]|很|是|在|会|说|负责|联系|电话|值班|接待|的|为|给|帮|调解|律师)`, 'gu');
  const before = new RegExp(`(?:某某|[王李张刘陈杨黄赵吴徐孙马朱胡郭林罗梁宋郑韩唐冯邓曹彭曾萧田董潘袁蔡蒋杜叶魏苏吕丁沈姚卢姜崔钟谭陆汪廖邹熊陶邵龚孟赖侯温欧黎][\\p{Script=Han}]{1,2})(?:${title})`, 'gu');
  for (const match of half.matchAll(after)) claim('name', match.index, match.index + match[0].length, '来源里没有这个人名');
  for (const match of half.matchAll(before)) {
    if (/^[王李张刘陈杨黄赵吴徐孙马朱胡郭林罗梁宋郑韩唐冯邓曹彭曾萧田董潘袁蔡蒋杜叶魏苏吕丁沈姚卢姜崔钟谭陆汪廖邹熊陶邵龚孟赖侯温欧黎某]/u.test(match[0]) && /^某某|^[^某]/u.test(match[0])) {
      claim('name', match.index, match.index + match[0].length, '来源里没有这个人名');
    }
  }
}

/** 免费, 必须, 一定: refused unless a quote of the owner says it (a `statedBy` word) about the same matter. */
function checkClaims(
  half: string,
  owner: FactOwner,
  honesty: HonestyContext,
  free: (start: number, end: number) => boolean,
  taken: Array<[number, number]>,
  report: SpanReport,
): void {
  const { words, terms } = honesty;
  const hedges = [...half.matchAll(new RegExp(alternatives(words.hedges.length ? words.hedges : ['\u0000']), 'gu'))].map((m) => [m.index, m.index + m[0].length] as const);
  const termSpans = terms.hits(half);
  const broad = new Set(words.broad);
  for (const kind of words.claims) {
    for (const match of half.matchAll(new RegExp(alternatives(kind.words), 'gu'))) {
      const start = match.index;
      const end = start + match[0].length;
      if (!free(start, end)) continue;
      if (hedges.some(([from, to]) => start < to && end > from)) continue;
      // A claim word inside a matter's name (免费律师) names the service, it claims nothing.
      if (termSpans.some((hit) => hit.start <= start && hit.end >= end && hit.end - hit.start > end - start)) continue;
      const clause = clauseAt(half, start, end).text;
      // A question (收不收费, 要不要钱吗) claims nothing.
      if (/[吗呢?？]/u.test(clause) || /(\p{Script=Han})不\1/u.test(clause)) continue;
      taken.push([start, end]);
      const sentence = sentenceAt(half, start, end).text;
      // The same thing: a pair of characters of the clause, outside the claim word, stands in the quote.
      // A claim standing alone (不收费。) is about what the text goes on to say.
      const own = (part: string) => {
        let plain = part.replace(match[0], ' ');
        for (const hit of [...terms.hits(plain)].reverse()) plain = `${plain.slice(0, hit.start)} ${plain.slice(hit.end)}`;
        return pairsOf(plain);
      };
      const pairs = own(clause).length > 0 ? own(clause) : own(half);
      const matters = [...terms.ids(sentence)].filter((id) => !broad.has(id));
      const quotes = [...owner.sources.map((source) => `${source.kind === 'law' ? source.ref : ''}${source.quote ?? ''}`), ...honesty.accepted.map((fact) => fact.text)];
      const stated = quotes.some((quote) => {
        if (!kind.statedBy.some((word) => quote.includes(word))) return false;
        if (kind.sameBy === 'words') return pairs.some((pair) => quote.includes(pair));
        const ids = terms.ids(quote);
        return matters.length === 0 || matters.some((id) => ids.has(id));
      });
      if (!stated) report('claim', start, end, `本条来源没有这样说(${sentence})`);
    }
  }
}

/** The pairs of Han characters of `text` (申请法律援助 → 申请, 请法, 法律…). */
function pairsOf(text: string): string[] {
  const pairs: string[] = [];
  for (const run of text.match(/\p{Script=Han}{2,}/gu) ?? []) for (let i = 0; i + 2 <= run.length; i += 1) pairs.push(run.slice(i, i + 2));
  return pairs;
}

/** A national number used for a matter it does not serve, or under another line's name. */
function checkHotlines(text: string, honesty: HonestyContext, taken: Array<[number, number]>, report: SpanReport): void {
  const { registry, terms, words } = honesty;
  const broad = new Set(words.broad);
  const mentions = registry.mentions(text);
  // Names written beside any number of the sentence (急救电话, 报警电话) say what the line is, not what the sentence is about.
  const names = mentions.flatMap((mention) => (mention.written ? [[mention.written.start, mention.written.end] as const] : []));
  for (const mention of mentions) {
    const { hotline, written } = mention;
    if (written) {
      const named = registry.namedBy(written.text);
      if (named && named !== hotline) {
        report('hotline-name', written.start, written.end, `${hotline.number} 是${hotline.name},“${written.text}”是 ${named.number}`);
        continue;
      }
    }
    const matters = (part: { start: number; text: string }) =>
      terms
        .hits(part.text)
        .filter((hit) => !broad.has(hit.id) && !names.some(([from, to]) => part.start + hit.start >= from && part.start + hit.end <= to))
        .map((hit) => hit.id);
    let ids = matters(clauseAt(text, mention.start, mention.end));
    if (ids.length === 0) ids = matters(sentenceAt(text, mention.start, mention.end));
    if (ids.length > 0 && !ids.some((id) => registry.serves(hotline, id))) {
      const start = written && !written.after ? written.start : mention.start;
      report('hotline-purpose', start, mention.end, `${hotline.number} 是${hotline.name},管的是${hotline.for},不管这里说的事`);
      taken.push([mention.start, mention.end]);
    }
  }
}
