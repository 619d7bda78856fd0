import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { DOMAIN_TAG, DOMAIN_WORD_FREQ, type DomainWord, type Segmenter } from './segmenter-types.js';

/**
 * The bundled dictionary, read directly: `@node-rs/jieba/dict.js` also reads the 6 MB IDF
 * table, which segmentation never uses (measured by the bench: start-up time and memory).
 */
function readBundledDictionary(): Buffer {
  const require = createRequire(import.meta.url);
  return fs.readFileSync(require.resolve('@node-rs/jieba/dict.txt'));
}

/** The default segmenter: @node-rs/jieba with its bundled dictionary plus our domain words. */
export async function createNodeRsJieba(words: DomainWord[]): Promise<Segmenter> {
  const jieba = Jieba.withDict(readBundledDictionary());
  if (words.length > 0) {
    const lines = words.map(({ word, freq }) => `${word} ${freq ?? DOMAIN_WORD_FREQ}`).join('\n');
    jieba.loadDict(Buffer.from(`${lines}\n`, 'utf8'));
  }
  return {
    name: 'node-rs-jieba',
    cut: (text) => jieba.cut(text, true),
    cutForSearch: (text) => jieba.cutForSearch(text, true),
    // A word loaded without a tag (a domain word the dictionary lacked) comes back tagged ''.
    tag: (text) => jieba.tag(text, true).map(({ word, tag }) => ({ word, tag: tag || DOMAIN_TAG })),
    // Without the HMM, unknown characters are never joined: one piece means a dictionary word.
    isWord: (text) => {
      const pieces = jieba.cut(text, false);
      return pieces.length === 1 && pieces[0] === text;
    },
  };
}
