/**
 * Word segmentation behind a small interface, so the jieba binding can be swapped by config.
 * @node-rs/jieba is the default: measured here it loads in about 140 ms with about 92 MB,
 * prebuilt; nodejs-jieba (the design's choice) about 980 ms and 290 MB, compiled at install.
 */
import { BotError, ErrorCodes } from '../errors.js';
import type { DomainWord, Segmenter, SegmenterName } from './segmenter-types.js';

export { DOMAIN_WORD_FREQ, type DomainWord, type Segmenter, type SegmenterName } from './segmenter-types.js';

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
