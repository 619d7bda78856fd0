import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { DEFAULT_KNOWLEDGE_LIMITS } from '../../../../src/answer/knowledge/read-budget.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

const copies: KnowledgeCopy[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) copy.cleanup();
});
function copy(): KnowledgeCopy {
  const c = copyKnowledge();
  copies.push(c);
  return c;
}
const problemsOf = (dir: string, limits = DEFAULT_KNOWLEDGE_LIMITS) => checkKnowledge(dir, limits).problems.map(formatProblem);

/** `bytes` of small YAML mappings, as in the probe that killed the bot. */
export function writeSmallMappings(file: string, bytes: number): void {
  const chunk = Buffer.from('- a: 1\n  b: [x, y]\n'.repeat(4096));
  const fd = fs.openSync(file, 'w');
  for (let written = 0; written < bytes; written += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
}

describe('knowledge size limits, checked before parsing', () => {
  it('refuses a 50 MB entry file in well under the time parsing it would take, naming file and limit', () => {
    const c = copy();
    writeSmallMappings(path.join(c.dir, 'entries', 'huge.yaml'), 50 * 1024 * 1024);
    const started = performance.now();
    const { knowledge, problems } = checkKnowledge(c.dir);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(knowledge).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^entries\/huge\.yaml: \(大小\): 文件有 5[\d,]+ KB,超过了每个文件 512 KB 的上限$/),
      expect.stringMatching(/^\(知识库目录\): \(大小\): 知识库的文件加起来有 [\d,]+ KB,超过了总共 2,048 KB 的上限$/),
    ]);
  });

  it('refuses a folder over the total limit, even when each file is within its own', () => {
    const c = copy();
    for (const n of [1, 2, 3, 4, 5, 6, 7]) writeSmallMappings(path.join(c.dir, "entries", `extra-${n}.yaml`), 300 * 1024);
    const problems = problemsOf(c.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^\(知识库目录\): \(大小\): 知识库的文件加起来有 [\d,]+ KB,超过了总共 2,048 KB 的上限$/);
  });

  it('refuses too many entry files', () => {
    const c = copy();
    expect(problemsOf(c.dir, { ...DEFAULT_KNOWLEDGE_LIMITS, maxEntryFiles: 3 })[0]).toMatch(/^entries\/: \(目录\): 有 \d+ 个文件,超过了 3 个的上限$/);
  });

  it('refuses a source document outside the knowledge folder', () => {
    const c = copy();
    const meta = fs.readFileSync(path.join(c.dir, 'meta.yaml'), 'utf8').replace(/file: \S+/, 'file: ../../../../etc/passwd');
    c.write('meta.yaml', meta);
    expect(problemsOf(c.dir).join('\n')).toMatch(/meta\.yaml: sources\[0\]\.file: 读不到来源文件 .*不在知识库目录里/);
  });
});

describe('strict YAML', () => {
  const entry = (answer: string) =>
    `- id: legal-aid.extra\n  topic: legal-aid\n  aspect: where\n  title: 额外\n  questions: [问一, 问二, 问三, 问四, 问五, 问六]\n  answer: ${answer}\n  source: [{kind: hotline, ref: 12348公共法律服务热线}]\n`;

  it('refuses an unknown tag such as !include instead of reading it as a string', () => {
    const c = copy();
    c.write('entries/extra.yaml', entry('!include /etc/passwd'));
    expect(problemsOf(c.dir)).toEqual([expect.stringMatching(/^entries\/extra\.yaml: \(yaml\): 第 6 行第 11 列:不认识的标签 !include\(/)]);
  });

  it('keeps anchors and aliases working, within the alias limit', () => {
    const c = copy();
    c.write('entries/extra.yaml', `${entry('&a 请拨打12348')}${entry('*a').replace('legal-aid.extra', 'legal-aid.extra2').replace(/问(.)/g, '询$1')}`);
    const { knowledge, problems } = checkKnowledge(c.dir);
    expect(problems).toEqual([]);
    expect(knowledge?.byId.get('legal-aid.extra2')?.answer).toBe('请拨打12348');

    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)];
    c.write('entries/extra.yaml', `${laughs.join('\n')}\n`);
    expect(problemsOf(c.dir)).toEqual([expect.stringMatching(/^entries\/extra\.yaml: \(yaml\): 别名\(\*名字\)展开的次数太多/)]);
  });

  it('refuses duplicate keys', () => {
    const c = copy();
    c.write('entries/extra.yaml', entry('一\n  answer: 二'));
    expect(problemsOf(c.dir)).toEqual([expect.stringMatching(/^entries\/extra\.yaml: \(yaml\): 第 7 行第 3 列:同一个键写了两遍$/)]);
  });
});
