/**
 * Finds people's names. After a cue word (我叫, 我姓, 我是…, 老公叫, 房东…) as before; and
 * with no cue, from the segmenter's tags: a word it does not know that starts with a common
 * surname (张伟, 林小军: joined by its HMM), a name its dictionary holds (陈志强), a surname
 * standing alone before a name-tagged word (黄 丽丽). Never a word of the allow-lists (王法,
 * 黄金周), a surname with a title (张律师, 王总), a surname that begins a dictionary word
 * (马上, 许可), a measure word (这张纸), a place (王屋村, 马坝) or an office's name.
 */
import type { PrivacyRules } from '../knowledge/privacy-schema.js';
import { alternation } from './id-patterns.js';
import { isHan, NAME_TAGS, type Span, type TaggedText, type Token } from './tagged-text.js';

const LABEL = '姓名';
/** Longest given name taken: two characters (王小明, 欧阳娜娜). */
const GIVEN = 2;
/** Between a cue and the name: spaces, a colon. */
const GAP = /^[\s:]*/;
const CLAUSE_END = /[\s,.!?;:，。！？；：、~]/;
/** Tags of the dictionary's names (not `x`, the words it does not know). */
const DICTIONARY_NAME = /^nr/;

/** Finds the spans of names in tagged text. */
export type NameFinder = (tagged: TaggedText) => Span[];

/**
 * Builds the name finder of the lists. `readable`: places and domain words, never names;
 * `isOrdinaryWord`: the dictionary's test for a word that is no name (a surname beginning one
 * begins no name).
 */
export function createNameFinder(
  rules: PrivacyRules['names'],
  places: PrivacyRules['places'],
  readable: ReadonlySet<string>,
  /** True for a word of the dictionary that is no name (马上, 许可). */
  isOrdinaryWord: (text: string) => boolean,
): NameFinder {
  const surnames = new Set(rules.surnames);
  const compound = new Set(rules.compoundSurnames);
  const notInNames = new Set(rules.notInNames);
  const notNames = new Set(rules.notNames);
  const notBefore = new Set(rules.notBeforeNames);
  const suffixes = new Set(places.suffixes);
  const shortTitles = new Set(rules.titles.filter((title) => title.length === 1));
  const longTitle = new RegExp(`^(?:${alternation(rules.titles.filter((title) => title.length > 1))})`);
  const office = new RegExp(`^(?:${alternation(places.offices)})`);
  const readablePlace = new RegExp(`^(?:${alternation([...readable].filter((word) => word.length > 1))})`);
  const cues = (words: readonly string[], after = '') => new RegExp(`(?:${alternation(words)})${after}`, 'g');
  const selfCues = cues(rules.selfCues);
  const surnameCues = cues(rules.surnameCues);
  const isCues = cues(rules.isCues);
  const relations = cues(rules.relations, `(?:${alternation(rules.linking)})?`);
  const nameVerbs = cues(rules.nameVerbs);

  return ({ text, tokens, tokenAt }) => {
    const token = (i: number): Token | undefined => tokens[tokenAt[i] ?? -1];
    const surnameAt = (i: number) => (compound.has(text.slice(i, i + 2)) ? 2 : surnames.has(text[i] ?? '') ? 1 : 0);
    const nameLike = (t: Token) => NAME_TAGS.has(t.tag) && isHan(t.word) && !notNames.has(t.word);
    /** A dictionary word other than a name starts at `i` (高兴, 马上, 王法): no name starts or goes on there. */
    const ordinaryAt = (i: number) => {
      const t = token(i);
      return t !== undefined && t.start === i && t.word.length > 1 && (!nameLike(t) || readable.has(t.word));
    };
    /** Given-name characters from `j`: Chinese, no function word; under a cue a short word of any kind fits. */
    const given = (j: number, cued: boolean, within = text.length) => {
      let n = 0;
      while (n < GIVEN && j + n < within) {
        const ch = text[j + n] ?? '';
        if (!isHan(ch) || notInNames.has(ch)) break;
        const t = token(j + n);
        if (t && ordinaryAt(j + n) && !(cued && t.word.length <= GIVEN - n)) break;
        n += 1;
      }
      return n;
    };
    /** A title, not a given name: 律师 after 张, or 总 as the whole of 王总. */
    const isTitle = (j: number, g: number) => longTitle.test(text.slice(j, j + 4)) || (g === 1 && shortTitles.has(text[j] ?? ''));
    /** A place or an office ends the name or follows it (王屋村, 黄岗派出所), or the name is a readable place (罗坑). */
    const isPlace = (start: number, end: number) =>
      suffixes.has(text[end - 1] ?? '') || suffixes.has(text[end] ?? '') || office.test(text.slice(end, end + 12)) || readablePlace.test(text.slice(start, end + 12));
    /** Not a name by its neighbours: a measure word before (这张纸), a word in its first two characters (马上转, 许可证). */
    const notAName = (start: number, s: number) => notBefore.has(text[start - 1] ?? '') || (s === 1 && isOrdinaryWord(text.slice(start, start + 2)));
    const spans: Span[] = [];
    const add = (start: number, end: number) => spans.push({ start, end, label: LABEL });
    /**
     * A surname at `p`, then a given name, not a title nor a place: the end of the name, or -1.
     * With `anySurname` (after 我叫) any first character, and no word test: 我叫张三 too.
     */
    const nameAt = (p: number, cued: boolean, anySurname = false) => {
      const first = text[p] ?? '';
      const s = surnameAt(p) || (anySurname && isHan(first) && !notInNames.has(first) ? 1 : 0);
      if (s === 0 || ordinaryAt(p)) return -1;
      // A whole name of the dictionary after a cue (吴国栋, though 吴国 is a word) needs no word test.
      const t = token(p);
      const wholeName = cued && t?.start === p && DICTIONARY_NAME.test(t.tag) && t.word.length === s + GIVEN && given(p + s, false, t.end) === GIVEN;
      if (!anySurname && !wholeName && notAName(p, s)) return -1;
      const g = given(p + s, cued);
      return g > 0 && !isTitle(p + s, g) && !isPlace(p, p + s + g) ? p + s + g : -1;
    };
    /** Where the name after a cue starts; -1 when the cue is the start of a longer word (姓 of 姓名, not of 姓黄). */
    const after = (match: RegExpExecArray) => {
      const end = match.index + match[0].length;
      const t = token(end - 1);
      if (t && t.end > end && !nameLike(t) && surnameAt(end) === 0) return -1;
      return end + (GAP.exec(text.slice(end))?.[0].length ?? 0);
    };
    /** Calls `found` with where the name starts and where its span does (the spaces before it: "我叫 张伟" → "我叫[姓名]"). */
    const each = (pattern: RegExp, found: (p: number, spanStart: number) => void) => {
      for (const match of text.matchAll(pattern)) {
        const p = after(match);
        let start = p;
        while (start > match.index + match[0].length && /\s/.test(text[start - 1] ?? '')) start -= 1;
        if (p >= 0) found(p, start);
      }
    };

    each(selfCues, (p, spanStart) => {
      const end = nameAt(p, true, true);
      if (end > 0) add(spanStart, end);
    });
    each(surnameCues, (p, spanStart) => {
      const first = text[p] ?? '';
      const s = surnameAt(p) || (isHan(first) && !notInNames.has(first) && !ordinaryAt(p) ? 1 : 0);
      if (s === 0) return;
      // 我姓王名伟 / 我姓王叫伟: the given name after 名 or 叫, as long as no word starts in it (火星).
      const link = /^(?:名叫|名|叫)/.exec(text.slice(p + s))?.[0] ?? '';
      const g = link ? given(p + s + link.length, true) : 0;
      add(spanStart, g > 0 ? p + s + link.length + g : p + s);
    });
    // Only a name standing alone: "我是张伟," not "我是王村的", "我是黄家人".
    each(isCues, (p, spanStart) => {
      const end = nameAt(p, false);
      if (end > 0 && (end === text.length || CLAUSE_END.test(text[end] ?? ''))) add(spanStart, end);
    });
    for (const pattern of [relations, nameVerbs]) {
      each(pattern, (p, spanStart) => {
        const end = nameAt(p, true);
        if (end > 0) add(spanStart, end);
      });
    }
    for (const [k, t] of tokens.entries()) {
      const s = surnameAt(t.start);
      if (s === 0 || !isHan(t.word) || notNames.has(t.word) || readable.has(t.word) || notAName(t.start, s)) continue;
      if (t.word.length > s && (t.tag === 'x' || (DICTIONARY_NAME.test(t.tag) && t.word.length >= 3))) {
        // A word it does not know, or a name of its dictionary, starting with a surname.
        const g = given(t.start + s, false, t.end);
        const end = t.start + s + g;
        const whole = t.tag === 'x' || g === t.word.length - s;
        if (g > 0 && whole && !notNames.has(text.slice(t.start, end)) && !isTitle(t.start + s, g) && !isPlace(t.start, end)) add(t.start, end);
      } else if (t.word.length === s) {
        // A surname alone, then a name of the dictionary of one or two characters (黄 丽丽, 欧阳 娜娜);
        // after a two-character surname, any word it does not know too (司马 文杰).
        const next = tokens[k + 1];
        if (!next || !(DICTIONARY_NAME.test(next.tag) || s === 2) || !nameLike(next) || next.word.length > GIVEN) continue;
        if ([...next.word].some((ch) => notInNames.has(ch)) || isTitle(next.start, next.word.length)) continue;
        if (!isPlace(t.start, next.end)) add(t.start, next.end);
      }
    }
    return spans;
  };
}
