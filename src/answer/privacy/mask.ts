/**
 * Masks personal data in free text wherever it is kept or shown: log lines, the store
 * (待处理, CSV), the conversation state, sample questions staff add. Never before matching.
 * The text is NFKC-normalized first, so full-width digits and letters are caught too, and
 * turned into simplified characters (with the engine's converter); then
 * e-mail addresses, identifiers (id-patterns.ts), personal numbers in any spacing or in
 * Chinese numerals (number-runs.ts), homes (place-patterns.ts), and, from the segmenter's
 * tags, housing estates (estates.ts) and people's names (person-names.ts). The word lists
 * are knowledge/privacy.yaml.
 */
import type { PrivacyRules } from '../knowledge/privacy-schema.js';
import { createEstateFinder } from './estates.js';
import { alternation, createIdMasker, maskFixedIds } from './id-patterns.js';
import { maskNumberRuns, NUMBER_LABELS } from './number-runs.js';
import { createNameFinder } from './person-names.js';
import { createPlaceMasker } from './place-patterns.js';
import { replaceSpans, tagText, type Tagger } from './tagged-text.js';

export type { Tagger } from './tagged-text.js';

/** Personal data in, placeholders out ("我叫[姓名],电话[手机号]"). */
export type Masker = (text: string) => string;

/** Bounded and anchored at the start of the local part, so a long run cannot backtrack. */
const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/g;

/** Replaces e-mail addresses and ID-card, bank-card, mobile and landline numbers with placeholders. */
export function maskNumbers(text: string): string {
  return maskNumberRuns(text.normalize('NFKC').replace(EMAIL, '[邮箱]'));
}

/**
 * ASCII without digits or "@": nothing here can match (numbers and ids need a digit, e-mail an
 * "@", the rest Chinese characters), and NFKC leaves it as it is. Log fields such as reply
 * kinds, step names and most entry ids are such text; they skip the passes.
 */
const NOTHING_TO_MASK = /^[\x00-\x2f\x3a-\x3f\x41-\x7f]*$/;
const CHINESE = /[\u4e00-\u9fa5]/;

/**
 * What needs no word list: numbers, e-mail and identifiers of fixed shape (plates, case
 * numbers, wxid_…). Used where no knowledge base is loaded yet (log lines at start-up).
 */
export function maskPatterns(text: string): string {
  if (NOTHING_TO_MASK.test(text)) return text;
  return maskNumberRuns(maskFixedIds(text.normalize('NFKC').replace(EMAIL, '[邮箱]')));
}

/** The placeholder names masking writes, e.g. `姓名` for `[姓名]`. */
export const PLACEHOLDER_LABELS: readonly string[] = [...NUMBER_LABELS, '邮箱', '地址', '姓名', '微信号', 'QQ号', '护照号', '出生日期', '车牌', '案号'];
const REPEATED = new RegExp(`(\\[(?:${PLACEHOLDER_LABELS.join('|')})\\])(?:\\s*\\1)+`, 'g');

export interface MaskerOptions {
  /** The segmenter: without one, names and estates are found after cue words only. */
  tagger?: Tagger;
  /** Traditional to simplified characters (the normalizer's converter): masked text is kept simplified. */
  simplify?: (text: string) => string;
  /** Places and words never masked: meta.yaml homePlaces, the domain words. */
  readable?: Iterable<string>;
}

/** Builds the masker of a knowledge base's lists (knowledge/privacy.yaml). */
export function createMasker(rules: PrivacyRules, options: MaskerOptions = {}): Masker {
  // Without a tagger every character is its own word, of no part of speech: cue words still find names.
  const tagger: Tagger = options.tagger ?? { tag: (text) => [...text].map((word) => ({ word, tag: '?' })), isWord: () => false };
  const readable = new Set([...rules.places.readable, ...(options.readable ?? [])]);
  const maskIds = createIdMasker(rules.ids);
  const maskPlaces = createPlaceMasker(rules.places);
  // A word of the dictionary that is no name (马上, 许可, 江西; not 李俊): a surname that begins one starts no name.
  const isOrdinaryWord = (text: string) => tagger.isWord(text) && !/^nr/.test(tagger.tag(text)[0]?.tag ?? '');
  const findNames = createNameFinder(rules.names, rules.places, readable, isOrdinaryWord);
  const findEstates = createEstateFinder(rules.places, readable);
  // Tagging costs most of the time: text with no surname, estate ending or self-naming cue
  // (about half of all questions) cannot hold a name or an estate, and is not tagged.
  const { names } = rules;
  const firsts = [...names.surnames, ...names.compoundSurnames.map((surname) => surname[0] ?? '')].join('');
  const mayName = new RegExp(`[${firsts}]|${alternation([...rules.places.estateSuffixes, ...names.selfCues, ...names.surnameCues])}`);
  const simplify = options.simplify ?? ((text: string) => text);
  return (text) => {
    if (NOTHING_TO_MASK.test(text)) return text;
    // Read, and kept, in simplified characters: the lists, the dictionary and the surnames know
    // 陈, 号 and 司机, not 陳, 號 and 司機.
    let masked = maskNumberRuns(maskIds(simplify(text.normalize('NFKC')).replace(EMAIL, '[邮箱]')));
    if (!CHINESE.test(masked)) return masked;
    masked = maskPlaces(masked);
    const tagged = mayName.test(masked) ? tagText(tagger, masked) : undefined;
    if (tagged) masked = replaceSpans(masked, [...findEstates(tagged), ...findNames(tagged)]);
    return masked.replace(REPEATED, '$1');
  };
}
