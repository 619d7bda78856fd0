/**
 * Turns what people type into one canonical form before matching: half-width, simplified,
 * lowercase, no emoji, tidy punctuation and spaces, colloquial words replaced by standard ones.
 */
import { escapeRegex } from './escape-regex.js';
import { createToSimplified } from './to-simplified.js';

// Each mark is removed on its own (a joiner or variation selector without its emoji too).
// eslint-disable-next-line no-misleading-character-class
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u20E3\u200D]/gu;
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const SPACE_IN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');
const SPACE_NEAR_PUNCT = /\s*([,.!?;:、。])\s*/g;
const REPEATED_PUNCT = /([,.!?;:、。~…\-_*])\1+/g;
const PUNCT_RUN = /[,.!?;:、。]{2,}/g;

/** A function from raw-but-sanitized text to its canonical form. */
export type Normalizer = (text: string) => string;

/**
 * Builds the normalizer. `synonyms` maps colloquial, Cantonese and variant forms to the
 * standard word; the longest form wins where forms overlap. `toSimplified`: a converter to
 * share (building one takes tens of milliseconds).
 */
export function createNormalizer(synonyms: ReadonlyMap<string, string>, toSimplified = createToSimplified()): Normalizer {
  const forms = [...synonyms.keys()].map((form) => toSimplified(form.normalize('NFKC')).toLowerCase());
  const standard = new Map([...synonyms.values()].map((value, index) => [forms[index] as string, value]));
  const pattern =
    forms.length > 0
      ? new RegExp(
          [...new Set(forms)]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegex)
            .join('|'),
          'g',
        )
      : undefined;

  return (text) => {
    let out = toSimplified(text.normalize('NFKC')).toLowerCase();
    out = out.replace(EMOJI, ' ');
    out = out.replace(/[“”"'‘’「」『』【】《》〈〉()[\]{}<>]/g, ' ');
    out = out.replace(/\s+/g, ' ').replace(SPACE_IN_CJK, '').replace(SPACE_NEAR_PUNCT, '$1');
    out = out.replace(REPEATED_PUNCT, '$1').replace(PUNCT_RUN, (run: string) => run[run.length - 1] ?? '');
    // Twice, because one form may only appear once another is replaced (政府派嘅 → 政府派的 → …).
    if (pattern) for (let pass = 0; pass < 2; pass += 1) out = out.replace(pattern, (form: string) => standard.get(form) ?? form);
    return out.trim();
  };
}
