/**
 * Every evaluation set through the whole bot, its figures printed in `npm test`'s output.
 * The gate: the gold set (answers right at top-1 ≥ 95%, out-of-scope declined ≥ 95%,
 * emergencies 100%) and the dialogue gold (every dialogue right). The dev sets are printed,
 * not gated: they measure generalization. The sealed set is never run here (measured once).
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot.js';
import { silentLogger } from '../../src/logger.js';
import { readDialogues, readGoldSet } from '../../src/answer/model/gold-files.js';
import { EVAL_THRESHOLDS, formatEvalReport, formatEvalSummary, runEval } from '../../src/eval/run-eval.js';
import { formatDialogueReport, runDialogues } from '../../src/eval/run-dialogues.js';
import { realEngine } from '../doubles/harness.js';

const file = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const GOLD = readGoldSet(file('gold-set.yaml'));
const DEV_SETS = ['dev-set.yaml', 'dev2-set.yaml', 'problems-dev-set.yaml', 'problems-dev2-set.yaml', 'problems-dev3-set.yaml', 'safety-dev-set.yaml', 'scope-dev-set.yaml', 'mixed-dev4-set.yaml', 'mixed-dev5-set.yaml', 'services-dev6-set.yaml', 'mixed-dev7-set.yaml', 'safety-dev2-set.yaml'];

let bot: Bot;
beforeAll(async () => {
  const { engine } = await realEngine();
  bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
});
const print = (text: string) => fs.writeSync(2, `${text}\n`);

describe('gold set', () => {
  it('is large and varied enough to mean something', async () => {
    const { engine } = await realEngine();
    const count = (category: string) => GOLD.filter((c) => c.category === category).length;
    expect(GOLD.length).toBeGreaterThanOrEqual(200);
    expect(count('out-of-scope')).toBeGreaterThanOrEqual(40);
    expect(count('emergency')).toBeGreaterThanOrEqual(10);
    expect(count('robustness')).toBeGreaterThanOrEqual(25);
    // Service entries are each asked in the gold set, problems in the problem-first dev set.
    const expected = new Set([...GOLD, ...readGoldSet(file('problems-dev-set.yaml'))].flatMap((c) => [c.expect].flat()));
    for (const entry of engine.knowledge.entries) expect(expected.has(entry.id), entry.id).toBe(true);
  });

  it('does not copy sample questions from the knowledge base', async () => {
    const { engine } = await realEngine();
    const key = (text: string) => text.replace(/[\s\p{P}]/gu, '');
    const samples = new Set(engine.knowledge.entries.flatMap((entry) => entry.questions.map(key)));
    // The older dev sets were written before this check and are kept as they are.
    const sets = [GOLD, readGoldSet(file('problems-dev-set.yaml'))];
    expect(sets.flat().filter((c) => samples.has(key(c.q))).map((c) => c.q)).toEqual([]);
  });

  it('meets the thresholds', async () => {
    const report = await runEval(bot, GOLD);
    const rate = (b: { total: number; correct: number }) => b.correct / b.total;
    print(report.passed ? formatEvalSummary(report, 'gold-set').join('\n') : formatEvalReport(report, 'gold-set'));
    expect(rate(report.answers)).toBeGreaterThanOrEqual(EVAL_THRESHOLDS.answers);
    expect(rate(report.byCategory['out-of-scope'])).toBeGreaterThanOrEqual(EVAL_THRESHOLDS.outOfScope);
    expect(rate(report.byCategory.emergency)).toBe(1);
  });
});

describe('dialogue gold', () => {
  it('gets every turn of every dialogue right', async () => {
    const report = await runDialogues(bot, readDialogues(file('dialogues.yaml')));
    print(formatDialogueReport(report, 'dialogues'));
    expect(report.misses).toEqual([]);
  });

  it('walks every guided flow to its outcome: the pre-screen for three people, every intake to its summary (issue 22)', async () => {
    const report = await runDialogues(bot, readDialogues(file('flows-dialogues.yaml')));
    print(formatDialogueReport(report, 'flows-dialogues'));
    expect(report.misses).toEqual([]);
  });
});

describe('dev sets (printed, not gated)', () => {
  it.each(['dialogues-dev-set', 'dialogues-dev2-set', 'dialogues-dev3-set', 'dialogues-dev4-set', 'dialogues-dev5-set'])('%s', async (name) => {
    const report = await runDialogues(bot, readDialogues(file(`${name}.yaml`)));
    print(formatDialogueReport(report, name));
    expect(report.turns.total).toBeGreaterThan(0);
  });

  it.each(DEV_SETS)('%s', async (name) => {
    const report = await runEval(bot, readGoldSet(file(name)));
    print(formatEvalSummary(report, name.replace('.yaml', '')).join('\n'));
    expect(report.total).toBeGreaterThan(0);
  });
});
