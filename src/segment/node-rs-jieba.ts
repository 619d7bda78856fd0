import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_WORD_FREQ, type DomainWord, type Segmenter } from './segmenter.js';

/** The default segmenter: @node-rs/jieba with its bundled dictionary plus our domain words. */
export async function createNodeRsJieba(words: DomainWord[]): Promise<Segmenter> {
  const jieba = Jieba.withDict(dict);
  if (words.length > 0) {
    const lines = words.map(({ word, freq }) => `${word} ${freq ?? DOMAIN_WORD_FREQ}`).join('\n');
    jieba.loadDict(Buffer.from(`${lines}\n`, 'utf8'));
  }
  return {
    name: 'node-rs-jieba',
    cut: (text) => jieba.cut(text, true),
    cutForSearch: (text) => jieba.cutForSearch(text, true),
  };
}
