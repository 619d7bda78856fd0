/** One contract, run on both segmenters: the default @node-rs/jieba and the optional nodejs-jieba. */
import { describe, expect, it } from 'vitest';
import { createSegmenter, DOMAIN_TAG, type SegmenterName } from '../../../../../src/answer/read/segment/segmenter.js';

const installed = async (name: string) =>
  import(name).then(
    () => true,
    () => false,
  );

const domainWords = [{ word: '法律明白人' }, { word: '粤智助' }, { word: '网上巡回法庭' }];

for (const name of ['node-rs-jieba', 'nodejs-jieba'] as SegmenterName[]) {
  const moduleName = name === 'node-rs-jieba' ? '@node-rs/jieba' : 'nodejs-jieba';
  describe.runIf(await installed(moduleName))(`segmenter contract: ${name}`, () => {
    it('keeps domain words whole', async () => {
      const segmenter = await createSegmenter(name, domainWords);
      expect(segmenter.name).toBe(name);
      expect(segmenter.cut('我是村里的法律明白人')).toContain('法律明白人');
      expect(segmenter.cut('粤智助在哪里')).toContain('粤智助');
    });

    it('search mode also yields the shorter words inside long ones', async () => {
      const segmenter = await createSegmenter(name, domainWords);
      const tokens = segmenter.cutForSearch('申请法律援助');
      expect(tokens).toEqual(expect.arrayContaining(['法律', '援助', '法律援助', '申请']));
    });

    it('covers every character of the input in precise mode', async () => {
      const segmenter = await createSegmenter(name, domainWords);
      const text = '工资被拖欠了去哪里讨薪';
      expect(segmenter.cut(text).join('')).toBe(text);
    });

    it('tags each word of precise mode with its part of speech: names, words it does not know, domain words', async () => {
      const segmenter = await createSegmenter(name, domainWords);
      const text = '陈志强欠我钱,林小军是粤智助的法律明白人';
      const tagged = segmenter.tag(text);
      expect(tagged.map((w) => w.word)).toEqual(segmenter.cut(text));
      expect(tagged.map((w) => w.word).join('')).toBe(text);
      const tagOf = (word: string) => tagged.find((w) => w.word === word)?.tag;
      expect(tagOf('陈志强')).toBe('nr');
      expect(tagOf('林小军')).toBe('x');
      expect(tagOf('粤智助')).toBe(DOMAIN_TAG);
      expect(tagOf('钱')).toBe('n');
    });

    it('tells dictionary words from unknown characters it would join by guess', async () => {
      const segmenter = await createSegmenter(name, domainWords);
      expect(segmenter.isWord('房贷')).toBe(true);
      expect(segmenter.isWord('粤智助')).toBe(true);
      expect(segmenter.isWord('陪偿')).toBe(false);
      expect(segmenter.isWord('去市')).toBe(false);
    });
  });
}
