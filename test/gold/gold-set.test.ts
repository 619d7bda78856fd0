/**
 * Every evaluation set through the whole bot, its figures printed in `npm test`'s output.
 * The gate: the gold set (answers right at top-1 ≥ 95%, out-of-scope declined ≥ 95%,
 * emergencies 100%) and the dialogue gold (every dialogue right). The dev sets are printed,
 * not gated: they measure generalization. The sealed set is never run here (measured once).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../src/bot.js';
import { silentLogger } from '../../src/logger.js';
import { readDialogues, readGoldSet } from '../../src/answer/model/gold-files.js';
import { EVAL_THRESHOLDS, formatEvalReport, formatEvalSummary, runEval } from '../../src/eval/run-eval.js';
import { formatDialogueReport, runDialogues } from '../../src/eval/run-dialogues.js';
import { caseKey, compare, readBaseline, writeBaseline, type Baseline } from '../../src/eval/ratchet.js';
import { realEngine } from '../doubles/harness.js';

const file = (name: string) => new URL(`./${name}`, import.meta.url).pathname;
const GOLD = readGoldSet(file('gold-set.yaml'));
const DIALOGUE_SETS = ['dialogues', 'dialogues-dev-set', 'dialogues-dev2-set', 'dialogues-dev3-set', 'dialogues-dev4-set', 'dialogues-dev5-set'];
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

/**
 * Every set through the ratchet: each case that passed in the committed baseline and fails now is
 * listed, and a set that loses more than it gains beyond 1% fails. UPDATE_BASELINE=1 writes the
 * baseline from this run (say why in the commit).
 */
const BASELINE = file('baseline.json');
const baseline = readBaseline(BASELINE);
const passingNow: Baseline = {};
afterAll(() => {
  if (process.env.UPDATE_BASELINE === '1') writeBaseline(BASELINE, { ...baseline, ...passingNow });
});

function ratchet(set: string, passing: string[], size: number, describeKey: (key: string) => string): void {
  passingNow[set] = passing;
  const flips = compare(baseline[set], passing, size);
  if (flips.lost.length > 0) print(`  ${set}: ${flips.lost.length} case(s) passed in the baseline and fail now:\n${flips.lost.map((key) => `    - ${describeKey(key)}`).join('\n')}`);
  if (flips.gained.length > 0) print(`  ${set}: ${flips.gained.length} case(s) pass now that did not in the baseline`);
  if (process.env.UPDATE_BASELINE !== '1') {
    expect(baseline[set], `${set} has no baseline: run UPDATE_BASELINE=1`).toBeDefined();
    expect(flips.net, `${set} lost ${flips.net} case(s) net (tolerance ${flips.tolerance})`).toBeLessThanOrEqual(flips.tolerance);
  }
}

describe('every set, through the ratchet', () => {
  it.each(DIALOGUE_SETS)('%s', async (name) => {
    const dialogues = readDialogues(file(`${name}.yaml`));
    const report = await runDialogues(bot, dialogues);
    print(formatDialogueReport(report, name));
    const turns = dialogues.flatMap((dialogue) => dialogue.turns.map((turn, index) => ({ key: caseKey(turn.say, { name: dialogue.name, turn: index + 1 }), say: `${dialogue.name} #${index + 1} ${turn.say}` })));
    const missed = new Set(report.misses.map((miss) => caseKey(miss.say, { name: miss.name, turn: miss.turn })));
    ratchet(name, turns.filter((turn) => !missed.has(turn.key)).map((turn) => turn.key), turns.length, (key) => turns.find((turn) => turn.key === key)?.say ?? key);
  });

  it.each(['gold-set.yaml', ...DEV_SETS])('%s', async (name) => {
    const cases = readGoldSet(file(name));
    const report = await runEval(bot, cases);
    if (name !== 'gold-set.yaml') print(formatEvalSummary(report, name.replace('.yaml', '')).join('\n'));
    const missed = new Set(report.misses.map((miss) => caseKey(miss.q)));
    const keys = cases.map((goldCase) => caseKey(goldCase.q));
    ratchet(name.replace('.yaml', ''), keys.filter((key) => !missed.has(key)), cases.length, (key) => cases.find((goldCase) => caseKey(goldCase.q) === key)?.q ?? key);
  });
});
