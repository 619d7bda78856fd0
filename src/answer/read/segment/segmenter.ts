/**
 * Word segmentation behind a small interface, so the jieba binding can be swapped by config.
 * @node-rs/jieba is the default: measured here it loads in about 140 ms with about 92 MB,
 * prebuilt; nodejs-jieba (the design's choice) about 980 ms and 290 MB, compiled at install.
 */
import { BotError, ErrorCodes } from '../../../errors.js';
import type { DomainWord, Segmenter, SegmenterName } from './segmenter-types.js';

export { DOMAIN_TAG, DOMAIN_WORD_FREQ, type DomainWord, type Segmenter, type SegmenterName, type TaggedWord } from './segmenter-types.js';

/** Segmenters kept loaded, by binding and word list: loading a dictionary takes a few hundred ms. */
const loaded = new Map<string, Promise<Segmenter>>();
/** A reload with new words keeps the previous one too, for the engine still serving. */
const KEEP = 2;

/**
 * Loads the named segmenter with the domain words added, or returns the one already loaded
 * with the same words (a segmenter never changes once loaded). The binding is imported only
 * when chosen, so an uninstalled optional binding costs nothing.
 * @throws BotError QLB_SEGMENTER_UNAVAILABLE when the binding is not installed.
 */
export function createSegmenter(name: SegmenterName, words: DomainWord[]): Promise<Segmenter> {
  const key = `${name}\u0000${words.map((word) => `${word.word}:${word.freq ?? ''}`).join('\u0001')}`;
  let segmenter = loaded.get(key);
  if (!segmenter) {
    segmenter = load(name, words);
    loaded.set(key, segmenter);
    // A failed load is not kept: installing the binding and retrying must work.
    segmenter.catch(() => loaded.delete(key));
    while (loaded.size > KEEP) loaded.delete(loaded.keys().next().value as string);
  }
  return segmenter;
}

async function load(name: SegmenterName, words: DomainWord[]): Promise<Segmenter> {
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
