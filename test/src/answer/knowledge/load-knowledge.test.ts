import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { closestKey } from '../../../../src/answer/knowledge/schema-messages.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real knowledge base, edited by `change`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits arbitrary YAML on purpose
function brokenCopy(file: string, change: (data: any) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-kb-'));
  temps.push(dir);
  fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const full = path.join(dir, file);
  const data = YAML.parse(fs.readFileSync(full, 'utf8'));
  change(data);
  fs.writeFileSync(full, YAML.stringify(data));
  return dir;
}

const firstEntryFile = () => path.join('entries', fs.readdirSync(path.join(KNOWLEDGE_DIR, 'entries')).sort()[0] as string);
const problemsOf = (dir: string) => checkKnowledge(dir).problems.map(formatProblem);

describe('knowledge base', () => {
  it('the shipped knowledge base is valid and covers every topic', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    expect(knowledge.entries.length).toBeGreaterThanOrEqual(40);
    for (const topic of knowledge.topics) expect(knowledge.entries.some((e) => e.topic === topic.id)).toBe(true);
  });

  it('names file and field for too few sample questions', () => {
    const file = firstEntryFile();
    const dir = brokenCopy(file, (entries) => (entries[0].questions = entries[0].questions.slice(0, 2)));
    expect(problemsOf(dir).join('\n')).toMatch(new RegExp(`${file}: \\[0\\]\\(id=[^)]+\\)\\.questions: 至少要有 6 个示例问题`));
  });

  it('finds duplicate ids, dangling related ids and a question shared by two entries', () => {
    const file = firstEntryFile();
    const dir = brokenCopy(file, (entries) => {
      entries[1].id = entries[0].id;
      entries[0].related = ['no-such.entry'];
      entries[2].questions.push(entries[3].questions[0]);
    });
    const text = problemsOf(dir).join('\n');
    expect(text).toMatch(/id 重复/);
    expect(text).toMatch(/related\[0\]: 没有答案“no-such.entry”/);
    expect(text).toMatch(/也是 \S+ 的示例问题/);
  });

  it('rejects a report quote that is not verbatim in the source (figures exactly)', () => {
    const file = firstEntryFile();
    const dir = brokenCopy(file, (entries) => {
      const report = entries.flatMap((e: { source: unknown[] }) => e.source).find((s: { kind: string }) => s.kind === 'report');
      report.quote = `${report.quote}9`;
    });
    expect(problemsOf(dir).join('\n')).toMatch(/找不到这句原文/);
  });

  it('refuses to load an invalid knowledge base, saying why', () => {
    const dir = brokenCopy('topics.yaml', (topics) => topics.push({ id: 'orphan', title: '无条目' }));
    expect(() => loadKnowledge(dir)).toThrow(/topics.yaml: id=orphan: 这个主题下没有任何答案/);
  });

  it('reports bad YAML with the file name', () => {
    const dir = brokenCopy('aspects.yaml', () => undefined);
    fs.writeFileSync(path.join(dir, 'aspects.yaml'), 'a: [unclosed');
    expect(problemsOf(dir).join('\n')).toMatch(/^aspects.yaml: \(yaml\): 第 1 行第 13 列:方括号 \[ 没有用 \] 收尾/m);
  });
});

describe('schema refusals in plain Chinese, by file, entry and field', () => {
  it('says a field is missing, empty, of the wrong kind or not one of the allowed values', () => {
    const file = firstEntryFile();
    const dir = brokenCopy(file, (entries) => {
      delete entries[0].title;
      entries[0].answer = '';
      entries[0].source[0].kind = 'web';
      entries[1].questions = '一个问题';
    });
    const text = problemsOf(dir).join('\n');
    expect(text).toMatch(new RegExp(`^${file}: \\[0\\]\\(id=[^)]+\\)\\.title: 缺少这一项$`, 'm'));
    expect(text).toMatch(new RegExp(`^${file}: \\[0\\]\\(id=[^)]+\\)\\.answer: 不能是空的$`, 'm'));
    expect(text).toMatch(new RegExp(`^${file}: \\[0\\]\\(id=[^)]+\\)\\.source\\[0\\]\\.kind: 只能是 report、law、hotline 之一$`, 'm'));
    expect(text).toMatch(new RegExp(`^${file}: \\[1\\]\\(id=[^)]+\\)\\.questions: 应该是列表,这里是一段文字$`, 'm'));
  });

  it('says what a problem card and an emergency category lack', () => {
    const problems = brokenCopy('problems/admin-penalty.yaml', (cards) => {
      cards[0].id = 'admin-penalty';
      cards[0].cues = cards[0].cues.slice(0, 2);
    });
    const text = problemsOf(problems).join('\n');
    expect(text).toMatch(/^problems\/admin-penalty\.yaml: \[0\]\(id=admin-penalty\)\.id: 要写成 problem\.名称,名称只能用小写字母、数字和短横线$/m);
    expect(text).toMatch(/^problems\/admin-penalty\.yaml: \[0\]\(id=admin-penalty\)\.cues: 至少要有 3 个提示词$/m);

    const emergency = brokenCopy('emergency.yaml', (data) => {
      Object.assign(data.categories[0], { patterns: [], urgent: [], cues: [] });
    });
    expect(problemsOf(emergency).join('\n')).toMatch(/^emergency\.yaml: categories\[0\]\(id=[^)]+\): patterns、urgent、cues 至少要写一项$/m);
  });
});

describe('unknown keys are refused, never ignored', () => {
  const entry = (fields: string) =>
    `- { id: legal-aid.extra, topic: legal-aid, aspect: where, ${fields}, questions: [问一, 问二, 问三, 问四, 问五, 问六], answer: 请拨打12348, source: [{kind: hotline, ref: 12348公共法律服务热线}] }\n`;
  const withExtra = (text: string) => {
    const dir = brokenCopy(firstEntryFile(), () => undefined);
    fs.writeFileSync(path.join(dir, 'entries', 'zz-extra.yaml'), text);
    return dir;
  };

  it('a title cut at a comma in flow style is refused, naming file, entry and the stray key', () => {
    const dir = withExtra(entry('title: 法律援助(免费律师,3天办结)'));
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/^entries\/zz-extra\.yaml: \[0\]\(id=legal-aid\.extra\): 不认识的键“3天办结\)”\(若它是上一项文字的后半截:在 \{ \} 里逗号会把文字切开,请给整个值加引号\)。这里能写的键:id、topic、aspect、title、/),
    ]);
    expect(problemsOf(withExtra(entry('title: "法律援助(免费律师,3天办结)"')))).toEqual([
      // Quoted, the title is whole, and its number is fact-checked.
      expect.stringMatching(/^entries\/zz-extra\.yaml: id=legal-aid\.extra\.title: 「3」不在本条的来源引文里/),
    ]);
  });

  it('a misspelled key is named with the key it most likely means, first and without a follow-on "missing"', () => {
    const problems = problemsOf(withExtra(entry('titel: 额外的答案')));
    expect(problems).toEqual(['entries/zz-extra.yaml: [0](id=legal-aid.extra): 不认识的键“titel”,是不是想写 title?']);
  });

  it('checks nested objects and the fixed files too', () => {
    const nested = problemsOf(withExtra(entry('title: 额外, source: [{kind: hotline, ref: 12348公共法律服务热线, qoute: 原文}]').replace(/, source: \[\{kind: hotline, ref: 12348公共法律服务热线\}\] \}/, ' }')));
    expect(nested).toContain('entries/zz-extra.yaml: [0](id=legal-aid.extra).source[0]: 不认识的键“qoute”,是不是想写 quote?');
    const meta = brokenCopy('meta.yaml', (data) => {
      data.messages.menuHeadr = data.messages.menuHeader;
      delete data.messages.menuHeader;
    });
    // meta.yaml refused, the reports it lists go unread: the unknown key comes first.
    expect(problemsOf(meta)[0]).toBe('meta.yaml: messages: 不认识的键“menuHeadr”,是不是想写 menuHeader?');
  });

  it('suggests only near misses', () => {
    const known = ['id', 'topic', 'aspect', 'title', 'questions', 'keywords', 'answer', 'source', 'related'];
    expect(closestKey('titel', known)).toBe('title');
    expect(closestKey('Title', known)).toBe('title');
    expect(closestKey('qustions', known)).toBe('questions');
    expect(closestKey('sources', known)).toBe('source');
    expect(closestKey('ad', known)).toBeUndefined();
    expect(closestKey('3天办结)', known)).toBeUndefined();
    expect(closestKey('note', known)).toBeUndefined();
  });
});
