/**
 * Word segmentation behind a small interface, so the jieba binding can be swapped by config.
 * @node-rs/jieba is the default: measured here it loads in about 140 ms with about 92 MB,
 * prebuilt; nodejs-jieba (the design's choice) about 980 ms and 290 MB, compiled at install.
 */
import { BotError, ErrorCodes } from '../errors.js';

/** A word the segmenter must keep whole; `freq` follows jieba's dictionary scale. */
export interface DomainWord {
  word: string;
  freq?: number;
}

/** Splits Chinese text into words. */
export interface Segmenter {
  readonly name: SegmenterName;
  /** Precise mode: each character belongs to exactly one word. */
  cut(text: string): string[];
  /** Search mode: long words are also split into their shorter known words. */
  cutForSearch(text: string): string[];
}

export type SegmenterName = 'node-rs-jieba' | 'nodejs-jieba';

/** Frequency that makes jieba prefer a domain word over splitting it. */
export const DOMAIN_WORD_FREQ = 100_000;

/**
 * Loads the named segmenter with the domain words added. The binding is imported only
 * when chosen, so an uninstalled optional binding costs nothing.
 * @throws BotError QLB_SEGMENTER_UNAVAILABLE when the binding is not installed.
 */
export async function createSegmenter(name: SegmenterName, words: DomainWord[]): Promise<Segmenter> {
  try {
    if (name === 'nodejs-jieba') {
      const { createNodejsJieba } = await import('./nodejs-jieba.js');
      return await createNodejsJieba(words);
    }
    const { createNodeRsJieba } = await import('./node-rs-jieba.js');
    return await createNodeRsJieba(words);
  } catch (error) {
    throw new BotError(
      ErrorCodes.SEGMENTER_UNAVAILABLE,
      `segmenter ${name} could not be loaded (is it installed?): ${(error as Error).message}`,
      [name],
      { cause: error },
    );
  }
}
