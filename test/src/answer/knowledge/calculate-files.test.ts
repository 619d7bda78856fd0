/**
 * The calculators' files (knowledge/calculate/*.yaml) are part of the knowledge base: checked
 * by `check`, a start and a reload with file and field named in Chinese, and kept in its
 * snapshot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { isRestDay } from '../../../../src/answer/calculate/index.js';
import { formatProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge, loadCheckedKnowledge, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from '../../../../src/answer/knowledge/knowledge-snapshot.js';
import { createApp } from '../../../../src/app.js';
import { loadConfig } from '../../../../src/service/config/config.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';
import { createLogSink } from '../../../doubles/log-sink.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function copy(): KnowledgeCopy {
  const kb = copyKnowledge();
  cleanups.push(kb.cleanup);
  return kb;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits arbitrary YAML on purpose
function edit(kb: KnowledgeCopy, file: string, change: (data: any) => void): void {
  const data = YAML.parse(kb.read(file));
  change(data);
  kb.write(file, YAML.stringify(data));
}

const problemsOf = (kb: KnowledgeCopy) => checkKnowledge(kb.dir).problems.map(formatProblem);

describe('the calculators in the knowledge base', () => {
  it('are loaded with the rest: deadline rules, the holiday calendar, the question cues', () => {
    const { calculate } = loadKnowledge(KNOWLEDGE_DIR);
    expect(calculate.deadlines.rules.map((rule) => rule.id)).toContain('labour-arbitration');
    expect(isRestDay(calculate.calendar, { year: 2026, month: 10, day: 1 })).toBe(true);
    expect(calculate.questions.afterRoute.routes.map((route) => route.entry)).toContain('problem.dismissal');
  });

  it('name the file and field of a fault, in Chinese', () => {
    const kb = copy();
    edit(kb, 'calculate/deadlines.yaml', (data) => delete data.rules[0].triggerAsk);
    edit(kb, 'calculate/court-fees.yaml', (data) => (data.labour.yuan = '十元'));
    expect(problemsOf(kb)).toEqual([
      'calculate/deadlines.yaml: rules.0.triggerAsk: 缺少这一项',
      'calculate/court-fees.yaml: labour.yuan: 应该是数字,这里是一段文字',
    ]);
  });

  it('say once that a file is not YAML or is missing, not again for every field', () => {
    const kb = copy();
    kb.write('calculate/holidays.yaml', 'years: [\n');
    kb.remove('calculate/local-figures.yaml');
    const problems = problemsOf(kb);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^calculate\/holidays\.yaml: \(yaml\): /u);
    expect(problems[1]).toBe('calculate/local-figures.yaml: (文件): 文件不存在或读不出');
  });

  it('refuse a follow-up route to a problem that does not exist', () => {
    const kb = copy();
    edit(kb, 'calculate/questions.yaml', (data) => (data.afterRoute.routes[0].entry = 'problem.no-such'));
    expect(problemsOf(kb)).toEqual(['calculate/questions.yaml: afterRoute.routes[0](entry=problem.no-such).entry: 知识库里没有“problem.no-such”这个问题或答案']);
  });

  it('are kept in the snapshot, the calendar rebuilt, and an edit of theirs misses it', () => {
    const kb = copy();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-snapshot-'));
    cleanups.push(() => fs.rmSync(cache, { recursive: true, force: true }));
    const { knowledge, files } = loadCheckedKnowledge(kb.dir);
    expect(files.map((file) => file.file)).toContain('calculate/holidays.yaml');
    expect(writeKnowledgeSnapshot(cache, knowledge, files)).toBe(true);
    const fromSnapshot = readKnowledgeSnapshot(cache, kb.dir);
    expect(fromSnapshot?.calculate).toStrictEqual(knowledge.calculate);
    expect(isRestDay(fromSnapshot!.calculate.calendar, { year: 2026, month: 10, day: 10 })).toBe(false);
    edit(kb, 'calculate/local-figures.yaml', (data) => (data.place = '曲江区'));
    expect(readKnowledgeSnapshot(cache, kb.dir)).toBeUndefined();
  });

  it('are checked by a reload too, which keeps the knowledge it has when they are wrong', async () => {
    const kb = copy();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-calc-data-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const app = await createApp(loadConfig({ KNOWLEDGE_DIR: kb.dir, DATA_DIR: dataDir }), createLogSink('warn').logger);
    try {
      const engine = app.bot.engine;
      edit(kb, 'calculate/deadlines.yaml', (data) => (data.rules[0].period.unit = 'fortnight'));
      const outcome = await app.reload('test');
      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.problems.join('\n')).toContain('calculate/deadlines.yaml: rules.0.period.unit: ');
      expect(app.bot.engine).toBe(engine);
    } finally {
      await app.close();
    }
  });
});
