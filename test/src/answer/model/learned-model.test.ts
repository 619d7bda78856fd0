import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { featurize } from '../../../../src/answer/model/featurize.js';
import { featureTexts, modelFrom, trainFeatured, type ModelSettings } from '../../../../src/answer/model/learned-model.js';
import { readModelSnapshot, trainingKey, writeModelSnapshot } from '../../../../src/answer/model/model-snapshot.js';
import { predict, trainSoftmax } from '../../../../src/answer/model/softmax-regression.js';
import type { LabelledText } from '../../../../src/answer/model/training-data.js';

const SETTINGS: ModelSettings = { ngrams: [1, 2, 3], words: false, minCount: 1, epochs: 8, learningRate: 0.5, l2: 0.0001, seed: 1, prune: 0.01, minGradient: 0.02, keywordWeight: 0.5 };
const example = (text: string, label: string, set = 'toy'): LabelledText => ({ set, text, labels: [label], weight: 1 });
const TOY: LabelledText[] = [
  example('老板欠我工资不给', 'wage'),
  example('工资拖了三个月', 'wage'),
  example('包工头不发工钱', 'wage'),
  example('邻居装修把墙震裂了', 'neighbour'),
  example('隔壁天天吵到半夜', 'neighbour'),
  example('邻居占了我家的地', 'neighbour'),
  example('他拿着刀在门口', 'emergency'),
  example('我爸倒在地上叫不醒', 'emergency'),
];
const CLASSES = ['wage', 'neighbour', 'emergency'];
const read = (text: string) => ({ text });

describe('the featurizer', () => {
  it('gives each character n-gram once, clause edges marked, punctuation as a clause break', () => {
    const features = featurize({ text: '打我,打我' }, { ngrams: [1, 2] });
    expect(features).toEqual(['1:打', '1:我', '2:|打', '2:打我', '2:我|']);
    expect(featurize({ text: 'ab', tags: ['haz:x'] }, { ngrams: [1] })).toContain('t:haz:x');
  });
});

describe('softmax regression', () => {
  it('is deterministic: the same data and seed give the same weights', () => {
    const data = [
      { features: [0, 1], target: [[0, 1]] as const },
      { features: [2, 3], target: [[1, 1]] as const },
    ];
    const options = { classes: 2, features: 4, epochs: 5, learningRate: 0.5, l2: 0, seed: 3, prune: 0, minGradient: 0 };
    const a = trainSoftmax(data, options);
    const b = trainSoftmax(data, options);
    expect([...a.weightOf]).toEqual([...b.weightOf]);
    const out = new Float64Array(2);
    expect(predict(a, [0, 1], out)[0]).toBeGreaterThan(0.5);
    expect(predict(a, [2, 3], out)[1]).toBeGreaterThan(0.5);
  });
});

describe('the learned model', () => {
  const model = trainFeatured(featureTexts(TOY, SETTINGS, read, () => 'violence'), CLASSES, ['violence', 'medical'], SETTINGS);

  it('reads an unseen wording of a class it learned', () => {
    const reading = model.read({ text: '老板一直不给工资' });
    expect(model.classes[reading.probabilities.indexOf(Math.max(...reading.probabilities))]).toBe('wage');
    expect(model.read({ text: '有人拿刀在我家门口' }).danger).toBeGreaterThan(model.read({ text: '邻居家装修' }).danger);
  });

  it('comes back the same from its snapshot, and only under the same key', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-model-'));
    try {
      const key = trainingKey({ TOY, SETTINGS });
      writeModelSnapshot(dir, key, model.parts);
      const back = readModelSnapshot(dir, key);
      expect(back).toBeDefined();
      const again = modelFrom(back!);
      expect([...again.read({ text: '工资拖欠' }).probabilities]).toEqual([...model.read({ text: '工资拖欠' }).probabilities]);
      expect(readModelSnapshot(dir, trainingKey({ TOY, SETTINGS: { ...SETTINGS, epochs: 9 } }))).toBeUndefined();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
