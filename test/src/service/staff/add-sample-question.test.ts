/**
 * Adding a sample question to an entry's YAML file: comments and layout kept (one line more,
 * nothing else), checked on a copy before the file is replaced, refused with reasons in
 * Chinese, reloaded after.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../../../src/answer/knowledge/knowledge-base.js';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { runKnowledgeJob, type QuestionPlan } from '../../../../src/service/reload/knowledge-jobs.js';
import { createKnowledgeEditor, tidyQuestion, withQuestion, type KnowledgeEditor } from '../../../../src/service/staff/add-sample-question.js';
import type { Masker } from '../../../../src/answer/privacy/mask.js';
import { realEngine } from '../../../doubles/harness.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

let copy: KnowledgeCopy;
let knowledge: KnowledgeBase;
let editor: KnowledgeEditor;
let mask: Masker;
const reloads: string[] = [];
const read = (file: string) => fs.readFileSync(path.join(copy.dir, file), 'utf8');

beforeAll(async () => {
  mask = (await realEngine()).engine.mask;
  copy = copyKnowledge();
  knowledge = loadKnowledge(copy.dir);
  editor = createKnowledgeEditor({
    knowledgeDir: copy.dir,
    knowledge: () => knowledge,
    async reload(reason) {
      reloads.push(reason);
      knowledge = loadKnowledge(copy.dir);
      return { ok: true, topics: knowledge.topics.length, entries: knowledge.entries.length, ms: 1 };
    },
    mask,
    // The job the knowledge worker thread runs, run here.
    plan: async (request) => (await runKnowledgeJob({ op: 'plan-question', dir: copy.dir, ...request })) as QuestionPlan,
  });
});
afterAll(() => copy.cleanup());

/** Lines of `after` that are not in `before`, and the other way round. */
function diff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((line) => !a.includes(line)), removed: a.filter((line) => !b.includes(line)), grew: b.length - a.length };
}

describe('adding a sample question', () => {
  it('adds one line under the entry’s questions and nothing else changes; then reloads', async () => {
    const before = read('entries/legal-aid.yaml');
    const outcome = await editor.addSampleQuestion('legal-aid.where', '  法援中心开在哪条街\n');
    expect(outcome).toMatchObject({ ok: true, entryId: 'legal-aid.where', question: '法援中心开在哪条街', file: 'entries/legal-aid.yaml', reload: { ok: true } });
    const after = read('entries/legal-aid.yaml');
    expect(diff(before, after)).toEqual({ added: ['    - 法援中心开在哪条街'], removed: [], grew: 1 });
    expect(after.startsWith('# 法律援助(免费律师)\n')).toBe(true);
    const lines = after.split('\n');
    expect(lines[lines.indexOf('    - 法援中心开在哪条街') - 1]).toBe('    - 我住在镇上,想申请免费律师,要跑去哪个部门');
    expect(knowledge.byId.get('legal-aid.where')?.questions.at(-1)).toBe('法援中心开在哪条街');
    expect(reloads).toEqual(['staff']);
    expect(fs.readdirSync(path.join(copy.dir, 'entries')).filter((name) => name.endsWith('~'))).toEqual([]);
  });

  it('adds a problem’s situation, quoting what YAML needs quoted', async () => {
    const before = read('problems/debt.yaml');
    const outcome = await editor.addSampleQuestion('problem.debt', '欠条写着: 年底还, 现在不认了');
    expect(outcome.ok).toBe(true);
    expect(diff(before, read('problems/debt.yaml')).added).toEqual(['    - "欠条写着: 年底还, 现在不认了"']);
    expect(knowledge.byId.get('problem.debt')?.problem?.situations).toContain('欠条写着: 年底还, 现在不认了');
  });

  it('refuses, in Chinese, what is empty, too long, already a sample question or no entry; nothing changes', async () => {
    const before = read('entries/notary.yaml');
    const cases: Array<[string, string, RegExp]> = [
      ['notary.where', '  \n ', /^问题是空的$/],
      ['notary.where', '长'.repeat(201), /^问题太长\(201 字\)/],
      ['notary.cost', '法律援助去哪办!', /^“法律援助去哪办!”已经是 legal-aid.where\(到哪里申请法律援助\)的示例问题$/],
      ['notary.nothing', '公证处几点开门', /^知识库里没有条目 notary.nothing$/],
    ];
    for (const [entry, question, reason] of cases) {
      const outcome = await editor.addSampleQuestion(entry, question);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reasons[0]).toMatch(reason);
    }
    expect(read('entries/notary.yaml')).toBe(before);
  });

  it('checks the whole knowledge base on a copy first: a broken file elsewhere refuses the change, with the problem', async () => {
    const topics = read('topics.yaml');
    copy.write('topics.yaml', `${topics}- { id: orphan-topic, title: 没有条目的主题 }\n`);
    const before = read('entries/mediation.yaml');
    const outcome = await editor.addSampleQuestion('mediation.how', '吵架了找谁调解一下');
    copy.write('topics.yaml', topics);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.reasons[0]).toMatch(/^改动后知识库检查不通过\(1 处\),文件没有改动:$/);
      expect(outcome.reasons[1]).toMatch(/^topics\.yaml: id=orphan-topic: /);
    }
    expect(read('entries/mediation.yaml')).toBe(before);
  });

  it('runs additions one at a time: two at once both land', async () => {
    const results = await Promise.all([
      editor.addSampleQuestion('notary.cost', '办个公证大概花多少'),
      editor.addSampleQuestion('notary.where', '公证处在政务中心吗'),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const text = read('entries/notary.yaml');
    expect(text).toContain('    - 办个公证大概花多少');
    expect(text).toContain('    - 公证处在政务中心吗');
  });
});

describe('the YAML edit on its own', () => {
  it('keeps comments and flow lists, and refuses a layout it cannot keep', () => {
    const text = '# top\n- id: a.b # the id\n  questions: [一, 二] # flow\n  keywords: [x, y]\n';
    expect(withQuestion(text, 'a.b', 'questions', '三')).toBe('# top\n- id: a.b # the id\n  questions: [一, 二, 三] # flow\n  keywords: [x, y]\n');
    expect(withQuestion('- id: a.b\n  questions:   [一]\n', 'a.b', 'questions', '三')).toEqual({ reason: expect.stringMatching(/排版无法原样保留/) });
    expect(withQuestion('- id: a.b\n', 'a.b', 'questions', '三')).toEqual({ reason: '文件里找不到条目 a.b 的 questions 列表' });
    expect(withQuestion('- id: a.b\n  questions: [一\n', 'a.b', 'questions', '三')).toEqual({ reason: expect.stringMatching(/^文件不是有效的 YAML:第 3 行第 1 列:方括号 \[ 没有用 \] 收尾/) });
  });

  it('tidies a question to one line and masks personal data', () => {
    expect(tidyQuestion(' 我的电话 13812345678\n 怎么 办 ', mask)).toBe('我的电话 [手机号] 怎么 办');
    expect(tidyQuestion('房东黄建国 不退押金', mask)).toBe('房东[姓名] 不退押金');
  });
});
