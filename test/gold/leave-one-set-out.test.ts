/**
 * The honest headline of everything learned, printed in `npm test`'s output: each labelled set
 * measured through the whole bot with the learned model trained without it, and the model's
 * own held-out danger and intent figures (the danger threshold of matching.yaml is chosen
 * from them). The sets were tuned to by the rules, so they still flatter the rules; the fresh
 * blind sets of the closing notes are the check.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatFolds, formatHeldOut, leaveOneSetOut, type Measured } from '../../src/eval/leave-one-set-out.js';
import { loadKnowledge } from '../../src/answer/knowledge/load-knowledge.js';
import { createSegmenter } from '../../src/answer/read/segment/segmenter.js';
import { KNOWLEDGE_DIR, TRAINING_SETS_DIR } from '../doubles/harness.js';

let measured: Measured;
beforeAll(async () => {
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  const segmenter = await createSegmenter('node-rs-jieba', knowledge.domainWords);
  measured = await leaveOneSetOut({ knowledge, segmenter, thresholds: { answer: 0.3, clarify: 0.28 }, labelledDir: TRAINING_SETS_DIR });
}, 240_000);

describe('leave one set out', () => {
  it('measures every labelled set through the whole bot with a model that never saw it', () => {
    fs.writeSync(2, `${[...formatFolds(measured.folds), ...formatHeldOut(measured.readings)].join('\n')}\n`);
    const sets = fs.readdirSync(TRAINING_SETS_DIR).filter((name) => name.endsWith('.yaml') && !name.startsWith('sealed'));
    expect(measured.folds.map((fold) => `${fold.set}.yaml`).sort()).toEqual(sets.sort());
    // Danger now is never left to the model alone: with the rules beside it every danger of every set is an emergency.
    for (const fold of measured.folds) {
      if (fold.kind === 'single') expect(fold.report.byCategory.emergency.correct, fold.set).toBe(fold.report.byCategory.emergency.total);
    }
  });
});
