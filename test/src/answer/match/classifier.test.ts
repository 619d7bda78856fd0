import { describe, expect, it } from 'vitest';
import { bigrams, DEFAULT_CLASSIFIER, entryTexts, topIndices, trainClassifier, type ClassTexts, type ClassifierOptions } from '../../../../src/answer/match/classifier.js';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

/** The first version's model (a map of maps per feature), kept as the reference the packed one must equal number for number. */
function referencePosterior(training: readonly ClassTexts[], features: (text: string) => string[], options: ClassifierOptions, query: string[]) {
  const counts = new Map<string, Map<number, number>>();
  const totals = new Float64Array(training.length);
  training.forEach((texts, c) => {
    for (const { text, weight } of texts) {
      for (const feature of features(text)) {
        const row = counts.get(feature) ?? counts.set(feature, new Map()).get(feature)!;
        row.set(c, (row.get(c) ?? 0) + weight);
        totals[c] = (totals[c] ?? 0) + weight;
      }
    }
  });
  const logAlpha = Math.log(options.alpha);
  const logDenominator = Float64Array.from(totals, (total) => Math.log(total + options.alpha * counts.size));
  const scores = new Float64Array(training.length);
  let known = 0;
  for (const feature of query) {
    const row = counts.get(feature);
    if (!row) continue;
    known += 1;
    for (const [c, count] of row) scores[c] = (scores[c] ?? 0) + (Math.log(count + options.alpha) - logAlpha);
  }
  const posterior = new Float64Array(training.length);
  if (known === 0) return { posterior, known: 0 };
  let best = -Infinity;
  for (let c = 0; c < training.length; c += 1) {
    posterior[c] = (((scores[c] ?? 0) + known * (logAlpha - (logDenominator[c] ?? 0))) / known) * options.sharpness;
    if ((posterior[c] ?? 0) > best) best = posterior[c] ?? 0;
  }
  let sum = 0;
  for (let c = 0; c < training.length; c += 1) sum += posterior[c] = Math.exp((posterior[c] ?? 0) - best);
  for (let c = 0; c < training.length; c += 1) posterior[c] = (posterior[c] ?? 0) / sum;
  return { posterior, known: known / query.length };
}

/** Characters as words, besides the pairs of the text: the real words need jieba, the arithmetic does not. */
const source = (text: string) => ({ words: [...text.replace(/[\s~]/g, '')], text });
/** The same features as the first version listed them: words, then the pairs as strings. */
const features = (text: string) => [...source(text).words, ...bigrams(text)];

describe('naive Bayes classifier', () => {
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  const training = [
    ...knowledge.entries.map((entry) => entryTexts(entry, DEFAULT_CLASSIFIER.nameWeight)),
    ...[...knowledge.declines.values()].map((texts) => texts.map((text) => ({ text, weight: 1 }))),
  ];
  const questions = [
    ...knowledge.entries.flatMap((entry) => entry.questions.slice(0, 2)),
    '我老公打我怎么办',
    '隔壁装修把墙震裂了',
    'zzzz',
    '',
  ];

  it('gives the posterior of the reference model exactly, for every question', () => {
    const classifier = trainClassifier(training, source);
    for (const question of questions) {
      const expected = referencePosterior(training, features, DEFAULT_CLASSIFIER, features(question));
      const got = classifier.classify(source(question));
      expect(got.known).toBe(expected.known);
      expect(Array.from(got.posterior)).toStrictEqual(Array.from(expected.posterior));
    }
  });

  it('picks along the posterior pass the same top classes as topIndices over the finished posterior', () => {
    const classifier = trainClassifier(training, source);
    const among = knowledge.entries.length;
    for (const question of questions) {
      for (const k of [0, 1, 6, among + 5]) {
        const { posterior, top } = classifier.classify(source(question), { k, among });
        expect(top).toEqual(topIndices(posterior, k, among));
      }
    }
  });

  it('ranks an entry first for its own sample question', () => {
    const classifier = trainClassifier(training, source);
    const entry = knowledge.entries[0]!;
    const { posterior } = classifier.classify(source(entry.questions[0]!));
    const best = posterior.indexOf(Math.max(...posterior));
    expect(knowledge.entries[best]?.topic).toBe(entry.topic);
  });

  it('knows nothing of a question made of unseen features', () => {
    const { posterior, known } = trainClassifier(training, source).classify({ words: ['\u0001\u0002'], text: 'ab' });
    expect(known).toBe(0);
    expect(Math.max(...posterior)).toBe(0);
  });

  it('picks the k largest as a stable sort of the values would, ties in index order', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n += 1) {
      const values = Float64Array.from({ length: 1 + Math.floor(next() * 40) }, () => Math.floor(next() * 6) / 5);
      const k = Math.floor(next() * 5);
      const length = Math.floor(next() * (values.length + 1));
      const expected = [...values.subarray(0, length).keys()].sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0)).slice(0, k);
      expect(topIndices(values, k, length)).toEqual(expected);
    }
  });
});
