import { DOMAIN_TAG, type DomainWord, type Segmenter, type TaggedWord } from './segmenter-types.js';

interface NodejsJiebaModule {
  load(options?: Record<string, string>): void;
  insertWord(word: string): boolean;
  cut(text: string, hmm?: boolean): string[];
  cutForSearch(text: string, hmm?: boolean): string[];
  tag(text: string): TaggedWord[];
}

let loaded = false;

/**
 * The design's original choice, kept selectable (SEGMENTER=nodejs-jieba). It is an optional
 * dependency compiled at install; the module is process-global, so words added here are shared.
 */
export async function createNodejsJieba(words: DomainWord[]): Promise<Segmenter> {
  const moduleName = 'nodejs-jieba';
  const jieba = (await import(moduleName)) as NodejsJiebaModule;
  if (!loaded) {
    jieba.load();
    loaded = true;
  }
  for (const { word } of words) jieba.insertWord(word);
  const domain = new Set(words.map(({ word }) => word));
  return {
    name: 'nodejs-jieba',
    cut: (text) => jieba.cut(text, true),
    cutForSearch: (text) => jieba.cutForSearch(text, true),
    // Inserted words come back tagged x, like the HMM's guesses: a domain word is told apart.
    tag: (text) => jieba.tag(text).map(({ word, tag }) => ({ word, tag: tag === 'x' && domain.has(word) ? DOMAIN_TAG : tag })),
    // Without the HMM, unknown characters are never joined: one piece means a dictionary word.
    isWord: (text) => {
      const pieces = jieba.cut(text, false);
      return pieces.length === 1 && pieces[0] === text;
    },
  };
}
