import { describe, expect, it } from 'vitest';
import { loadCalculateKnowledge, type CalculateFiles } from '../../../../src/answer/calculate/knowledge.js';
import { readCalculateFiles } from './real-knowledge.js';

const shipped = readCalculateFiles();
const clone = (): CalculateFiles => structuredClone(shipped);

function problemsOf(files: CalculateFiles) {
  const load = loadCalculateKnowledge(files);
  return load.ok ? [] : load.problems;
}

describe('loadCalculateKnowledge', () => {
  it('accepts the files as shipped, with no city average entered yet', () => {
    const load = loadCalculateKnowledge(shipped);
    expect(load.ok).toBe(true);
    expect(load.ok && load.knowledge.localFigures.averageMonthlyWage).toEqual([]);
    expect(load.ok && [...load.knowledge.calendar.notices.keys()]).toEqual([2024, 2025, 2026]);
  });

  it('names the file and field of a choice that points at no deadline rule', () => {
    const files = clone();
    (files.questions as { calculations: Array<{ choose: Array<{ value: string }> }> }).calculations[0]!.choose[0]!.value = 'no-such-rule';
    expect(problemsOf(files)).toEqual([expect.objectContaining({ file: 'calculate/questions.yaml', message: '没有“no-such-rule”这个规则或种类' })]);
  });

  it('refuses an input a calculation does not take', () => {
    const files = clone();
    (files.questions as { calculations: Array<{ inputs: Array<{ name: string }> }> }).calculations[0]!.inputs[0]!.name = 'wage';
    expect(problemsOf(files)[0]?.message).toContain('没有输入“wage”');
  });

  it('refuses a rule without a period that says nothing, and a city average that is not money', () => {
    const files = clone();
    const rules = (files.deadlines as { rules: Array<Record<string, unknown>> }).rules;
    rules[0] = { ...rules[0], period: null };
    (files.localFigures as { averageMonthlyWage: unknown[] }).averageMonthlyWage.push({ year: 2025, yuan: '7千', source: 'x', published: '2026-06-30', enteredBy: 'x', enteredOn: '2026-07-01' });
    const problems = problemsOf(files);
    expect(problems.map((problem) => problem.file).sort()).toEqual(['calculate/deadlines.yaml', 'calculate/local-figures.yaml']);
    expect(problems.find((problem) => problem.file === 'calculate/deadlines.yaml')).toMatchObject({ field: 'rules.0.statement' });
    expect(problems.find((problem) => problem.file === 'calculate/local-figures.yaml')).toMatchObject({ field: 'averageMonthlyWage.0.yuan' });
  });

  it('reports a missing file as a problem, not a crash', () => {
    const files = clone();
    files.holidays = undefined;
    expect(problemsOf(files)[0]).toMatchObject({ file: 'calculate/holidays.yaml' });
  });
});
