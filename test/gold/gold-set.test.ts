/**
 * The gold set, through the whole bot: answers right at top-1 ≥ 95% (answer + robustness),
 * out-of-scope declined ≥ 95%, emergencies 100%. `./bin/legal-bot eval` prints the misses.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import { silentLogger } from '../../src/logger.js';
import { EVAL_THRESHOLDS, formatEvalReport, readGoldSet, runEval } from '../../src/eval/run-eval.js';
import { realEngine } from '../doubles/harness.js';

const GOLD = new URL('./gold-set.yaml', import.meta.url).pathname;

describe('gold set', () => {
  const cases = readGoldSet(GOLD);

  it('is large and varied enough to mean something', async () => {
    const { engine } = await realEngine();
    const count = (category: string) => cases.filter((c) => c.category === category).length;
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(count('out-of-scope')).toBeGreaterThanOrEqual(40);
    expect(count('emergency')).toBeGreaterThanOrEqual(10);
    expect(count('robustness')).toBeGreaterThanOrEqual(25);
    const expected = new Set(cases.map((c) => c.expect));
    for (const entry of engine.knowledge.entries) expect(expected.has(entry.id), entry.id).toBe(true);
  });

  it('does not copy sample questions from the knowledge base', async () => {
    const { engine } = await realEngine();
    const key = (text: string) => text.replace(/[\s\p{P}]/gu, '');
    const samples = new Set(engine.knowledge.entries.flatMap((entry) => entry.questions.map(key)));
    expect(cases.filter((c) => samples.has(key(c.q))).map((c) => c.q)).toEqual([]);
  });

  it('meets the thresholds', async () => {
    const { engine } = await realEngine();
    const bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
    const report = await runEval(bot, cases);
    const rate = (b: { total: number; correct: number }) => b.correct / b.total;
    if (!report.passed) fs.writeSync(2, `${formatEvalReport(report)}\n`);
    expect(rate(report.answers)).toBeGreaterThanOrEqual(EVAL_THRESHOLDS.answers);
    expect(rate(report.byCategory['out-of-scope'])).toBeGreaterThanOrEqual(EVAL_THRESHOLDS.outOfScope);
    expect(rate(report.byCategory.emergency)).toBe(1);
  });
});
