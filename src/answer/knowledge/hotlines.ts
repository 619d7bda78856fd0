/**
 * The hotline registry (knowledge/hotlines.yaml): each national number with its official name,
 * the names an answer may call it by, what it is for, the office behind it and the matters it
 * serves. The fact check refuses a number used for another matter (12315 for unpaid wages) or
 * under another line's name (12345 called the legal-service line); other code asks it which
 * office and line handle a question ({@link HotlineRegistry.forText}).
 */
import type { TermFinder } from './honesty-schema.js';
import type { Hotline } from './schema.js';

/** A national number in a text: where, and the name written beside it. */
export interface HotlineMention {
  hotline: Hotline;
  start: number;
  end: number;
  /** The line's name as written right after or before the number ("公共法律服务热线"), with its span. */
  written?: { text: string; start: number; end: number; after: boolean };
}

/** The registry, with lookups. */
export interface HotlineRegistry {
  all: readonly Hotline[];
  byNumber(number: string): Hotline | undefined;
  /** Whether `hotline` serves the matter `id` (its `matters`, or any but `except` for '*'). */
  serves(hotline: Hotline, id: string): boolean;
  /**
   * The lines that handle what `text` is about, those serving most of its matters first, then the
   * most specific (12333 before 12345 and 12348 for 工资被拖欠); empty when the text names no matter a line serves. For replies that send a
   * question to the office that handles it (issue 26 item 7).
   */
  forText(text: string): Hotline[];
  /** Every national number written in `text` as a phone number (not 12348 inside fl12348 or 110万元). */
  mentions(text: string): HotlineMention[];
  /** The line whose name (official or other) `name` is or ends with; undefined for none. */
  namedBy(name: string): Hotline | undefined;
}

const SUFFIX = '(?:热线|专线|电话|服务台|平台)';

/** Builds the registry of `hotlines`; matters are read with `terms` (honesty.yaml). */
export function createHotlineRegistry(hotlines: readonly Hotline[], terms: TermFinder): HotlineRegistry {
  const byNumber = new Map(hotlines.map((hotline) => [hotline.number, hotline]));
  const names = hotlines
    .flatMap((hotline) => [hotline.name, ...hotline.names].map((name) => ({ name, hotline })))
    .sort((a, b) => b.name.length - a.name.length);
  const serves = (hotline: Hotline, id: string) => (hotline.matters.includes('*') ? !hotline.except.includes(id) : hotline.matters.includes(id));
  const namedBy = (name: string) => names.find((candidate) => name.endsWith(candidate.name))?.hotline;
  const numbers = [...byNumber.keys()].sort((a, b) => b.length - a.length).join('|');
  const pattern = numbers
    ? new RegExp(`(?<![\\dA-Za-z_.@-])(${numbers})(?![\\dA-Za-z_.%万亿千元年月日天周个件宗起名位户次岁倍@])`, 'gu')
    : undefined;
  const after = new RegExp(`^[ \\t]*[:：]?[ \\t]*(\\p{Script=Han}{0,16}?${SUFFIX})`, 'u');
  const before = new RegExp(`(\\p{Script=Han}{1,16}${SUFFIX})[ \\t]*[:：]?[ \\t]*$`, 'u');
  return {
    all: hotlines,
    byNumber: (number) => byNumber.get(number),
    serves,
    namedBy,
    forText(text) {
      const ids = [...terms.ids(text)];
      const score = (hotline: Hotline) => ids.filter((id) => hotline.matters.includes(id)).length;
      return hotlines
        .filter((hotline) => ids.some((id) => serves(hotline, id)))
        .sort((a, b) => score(b) - score(a) || Number(a.matters.includes('*')) - Number(b.matters.includes('*')) || a.matters.length - b.matters.length);
    },
    mentions(text) {
      if (!pattern) return [];
      return [...text.matchAll(pattern)].map((match) => {
        const hotline = byNumber.get(match[1] as string) as Hotline;
        const start = match.index;
        const end = start + match[0].length;
        const mention: HotlineMention = { hotline, start, end };
        const next = after.exec(text.slice(end));
        const previous = before.exec(text.slice(Math.max(0, start - 24), start));
        if (next?.[1]) {
          const at = end + (next[0].length - next[1].length);
          mention.written = { text: next[1], start: at, end: at + next[1].length, after: true };
        } else if (previous?.[1]) {
          const at = start - previous[0].length;
          mention.written = { text: previous[1], start: at, end: at + previous[1].length, after: false };
        }
        return mention;
      });
    },
  };
}

/** Problems of the registry itself: numbers twice, matters that honesty.yaml does not know. */
export function hotlineRegistryProblems(hotlines: readonly Hotline[], terms: TermFinder): Array<{ field: string; message: string; text: string }> {
  const problems: Array<{ field: string; message: string; text: string }> = [];
  const seen = new Set<string>();
  hotlines.forEach((hotline, index) => {
    const at = `[${index}](number=${hotline.number})`;
    if (seen.has(hotline.number)) problems.push({ field: `${at}.number`, message: `号码 ${hotline.number} 登记了两次`, text: hotline.number });
    seen.add(hotline.number);
    for (const [field, list] of [['matters', hotline.matters], ['except', hotline.except]] as const) {
      list.forEach((id, i) => {
        if (id !== '*' && !terms.has(id)) problems.push({ field: `${at}.${field}[${i}]`, message: `honesty.yaml 的 terms 里没有事项“${id}”`, text: id });
      });
    }
  });
  return problems;
}
