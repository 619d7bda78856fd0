/**
 * The segmenter interface and its data, apart from the loader, so each binding can import
 * them without importing the loader that imports it (no cycle).
 */

/** A word the segmenter must keep whole; `freq` follows jieba's dictionary scale. */
export interface DomainWord {
  word: string;
  freq?: number;
}

/**
 * A word with its part of speech, in jieba's tag set: `nr` a person's name (`nrt`, `nrfg`
 * too), `ns` a place, `x` a word the dictionary does not hold (characters the HMM joined, or
 * no Chinese at all), {@link DOMAIN_TAG} a domain word the dictionary lacked.
 */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** The tag of a domain word that the bundled dictionary does not hold (both bindings alike). */
export const DOMAIN_TAG = 'domain';

/** Splits Chinese text into words. */
export interface Segmenter {
  readonly name: SegmenterName;
  /** Precise mode: each character belongs to exactly one word. */
  cut(text: string): string[];
  /** Search mode: long words are also split into their shorter known words. */
  cutForSearch(text: string): string[];
  /** Precise mode with each word's part of speech (the words of {@link Segmenter.cut}). */
  tag(text: string): TaggedWord[];
  /** True when the text is one word of the dictionary (not a run of unknown characters joined by guess). */
  isWord(text: string): boolean;
}

export type SegmenterName = 'node-rs-jieba' | 'nodejs-jieba';

/** Frequency that makes jieba prefer a domain word over splitting it. */
export const DOMAIN_WORD_FREQ = 100_000;
