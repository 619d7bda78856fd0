/**
 * Finds housing estates by name: the words before an estate ending (小区, 花园, 苑…) that can
 * make a name (nouns, adjectives, numbers, words the segmenter does not know), back to the
 * first word that cannot (我们, 的, 住在) or a readable place (马坝镇). "碧水小区" is masked;
 * "我们小区", "老旧小区" and "小区物业" are not.
 */
import type { PrivacyRules } from '../knowledge/privacy-schema.js';
import { alternation } from './id-patterns.js';
import type { Span, TaggedText } from './tagged-text.js';

const LABEL = '地址';
/** Longest estate name before its ending, in characters. */
const MAX_NAME = 8;
/** Tags of words that may make an estate's name besides nouns (n…): jieba's tag set. */
const NAME_PART_TAGS: ReadonlySet<string> = new Set(['x', 'a', 'an', 'ag', 'b', 'j', 'l', 'i', 'm', 's', 'g', 'z']);
/** A word ending so is a town, a street or a district: the estate's name starts after it. */
const ADMINISTRATIVE_END = /[省市县区镇乡街路道]$/;

/** Finds the spans of housing estates in tagged text. */
export type EstateFinder = (tagged: TaggedText) => Span[];

/** Builds the estate finder of the lists; `readable` places (马坝镇) end a name going back. */
export function createEstateFinder(places: PrivacyRules['places'], readable: ReadonlySet<string>): EstateFinder {
  const endings = new RegExp(alternation(places.estateSuffixes), 'g');
  const notNames = new Set(places.notEstateNames);
  const before = new Set(places.beforePlaces);
  const canBeName = (word: string, tag: string) =>
    /^[\u4e00-\u9fa50-9A-Za-z]+$/.test(word) &&
    ![...word].some((ch) => before.has(ch)) &&
    (tag.startsWith('n') || NAME_PART_TAGS.has(tag)) &&
    !notNames.has(word) &&
    !readable.has(word) &&
    !ADMINISTRATIVE_END.test(word);

  return ({ text, tokens, tokenAt }) => {
    const spans: Span[] = [];
    for (const match of text.matchAll(endings)) {
      const end = match.index + match[0].length;
      let start = match.index;
      // An ending inside a word the segmenter made (碧水苑): the word's start is the name's start.
      const inside = tokens[tokenAt[start] ?? -1];
      if (inside && inside.start < start) {
        if (!canBeName(text.slice(inside.start, start), inside.tag)) continue;
        start = inside.start;
      }
      while (start > 0) {
        const before = tokens[tokenAt[start - 1] ?? -1];
        if (!before || match.index - before.start > MAX_NAME || !canBeName(before.word, before.tag)) break;
        start = before.start;
      }
      const name = text.slice(start, match.index);
      if (name.length >= 2 && !notNames.has(name)) spans.push({ start, end, label: LABEL });
    }
    return spans;
  };
}
