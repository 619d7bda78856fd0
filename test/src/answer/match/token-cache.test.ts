import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../src/answer/engine.js';
import { readGoldSet } from '../../../../src/answer/model/gold-files.js';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { openTokenCache, tokenCacheKey } from '../../../../src/answer/match/token-cache.js';
import { realEngine, KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const THRESHOLDS = { answer: 0.3, clarify: 0.28 };
const questions = readGoldSet(new URL('../../../gold/gold-set.yaml', import.meta.url).pathname).map((c) => c.q);

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-tokens-'));
  temps.push(dir);
  return dir;
};

/** Everything the matcher works out for each question. */
const matches = (engine: Engine) => questions.map((q) => engine.match(engine.normalize(q)));

describe('token cache', () => {
  it('builds an engine that matches every question exactly as a fresh build, filled and read back', async () => {
    const { engine: fresh, segmenter } = await realEngine();
    const knowledge = fresh.knowledge;
    const dir = tempDir();
    const filling = openTokenCache(dir, knowledge, segmenter.name);
    const first = createEngine(knowledge, segmenter, THRESHOLDS, undefined, filling);
    expect(filling.added).toBeGreaterThan(1_000);
    filling.save();
    const reading = openTokenCache(dir, knowledge, segmenter.name);
    const second = createEngine(knowledge, segmenter, THRESHOLDS, undefined, reading);
    expect(reading.added).toBe(0);
    const expected = matches(fresh);
    expect(matches(first)).toStrictEqual(expected);
    expect(matches(second)).toStrictEqual(expected);
  });

  it('is another cache when the synonyms, stopwords, domain words or segmenter differ', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const key = tokenCacheKey(knowledge, 'node-rs-jieba');
    expect(tokenCacheKey(knowledge, 'nodejs-jieba')).not.toBe(key);
    expect(tokenCacheKey({ ...knowledge, synonyms: new Map([...knowledge.synonyms, ['咔嚓咔嚓', '什么']]) }, 'node-rs-jieba')).not.toBe(key);
    expect(tokenCacheKey({ ...knowledge, stopwords: new Set([...knowledge.stopwords, '咔嚓嘭']) }, 'node-rs-jieba')).not.toBe(key);
    expect(tokenCacheKey({ ...knowledge, domainWords: [...knowledge.domainWords, { word: '新词' }] }, 'node-rs-jieba')).not.toBe(key);
    expect(tokenCacheKey(knowledge, 'node-rs-jieba')).toBe(key);
  });

  it('ignores a damaged or foreign file and starts empty', async () => {
    const { segmenter } = await realEngine();
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const dir = tempDir();
    const cache = openTokenCache(dir, knowledge, segmenter.name);
    const title = knowledge.entries[0]?.title as string;
    cache.set(title, { normalized: title, terms: ['x'] });
    cache.set('不在知识库里的一句话', { normalized: '不在知识库里的一句话', terms: ['y'] });
    cache.save();
    const [file] = fs.readdirSync(dir);
    // Only texts of the knowledge base as it is are kept.
    expect(openTokenCache(dir, knowledge, segmenter.name).size).toBe(1);
    fs.appendFileSync(path.join(dir, file as string), ' ');
    expect(openTokenCache(dir, knowledge, segmenter.name).size).toBe(0);
    expect(openTokenCache(dir, { ...knowledge, stopwords: new Set(['x']) }, segmenter.name).size).toBe(0);
  });
});
