/**
 * The words the index and the questions are matched on: search-mode segments of normalized
 * text that hold a letter or digit and are neither stopwords nor long numbers; and, for one
 * build, the tokens of each knowledge-base text, worked out once (or taken from the token
 * cache of an earlier build).
 */
import type { Segmenter } from '../read/segment/segmenter.js';
import type { TextTokens, TokenCache } from './token-cache.js';

const WORD = /[\p{L}\p{N}]/u;
/** Phone, ID and card numbers say nothing about what is asked (hotlines have 3–5 digits). */
const LONG_NUMBER = /^\d{6,}$/;

/** Search-mode words of a normalized text. */
export function createTerms(segmenter: Segmenter, stopwords: ReadonlySet<string>): (normalized: string) => string[] {
  return (text) => segmenter.cutForSearch(text).filter((token) => WORD.test(token) && !stopwords.has(token) && !LONG_NUMBER.test(token));
}

/** Knowledge-base texts' tokens for one build; `release` drops them once the build is done. */
export interface BuildTexts {
  tokens(text: string): TextTokens;
  release(): void;
}

/**
 * Index text goes through the same normalizer as questions, so both sides meet in one form.
 * Each text is worked out once per build; `cache` (when given) supplies and keeps them across builds.
 */
export function createBuildTexts(terms: (normalized: string) => string[], normalize: (text: string) => string, cache?: TokenCache): BuildTexts {
  // With a cache it is the memo: one map of the texts, not two. Released, neither is held.
  let memo: Pick<TokenCache, 'get' | 'set'> | undefined = cache ?? new Map<string, TextTokens>();
  return {
    tokens(text) {
      let out = memo?.get(text);
      if (!out) {
        const normalized = normalize(text);
        out = { normalized, terms: terms(normalized) };
        memo?.set(text, out);
      }
      return out;
    },
    release() {
      memo = undefined;
    },
  };
}
