/**
 * The sources pinned (issue 25 item 8): the report, every law text and the hotline registry
 * carry their checksum in sources/manifest.yaml; a source edited without a reviewed manifest
 * line (laundering: the law text changed with the entry quoting it) is refused by `check`.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { manifestChanges, type PinnedSource } from '../../../../src/answer/knowledge/source-manifest.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const MANIFEST = 'sources/manifest.yaml';
const LAW = 'sources/laws/律师法.yaml';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let copy: KnowledgeCopy | undefined;
afterEach(() => copy?.cleanup());

/** The manifest of `copy` with `file`'s line given a new checksum (and review), as a reviewer writes it. */
function repin(kb: KnowledgeCopy, file: string, reviewer = '李审核'): void {
  const manifest = kb.read(MANIFEST);
  const at = manifest.indexOf(`- file: ${file}\n`);
  const next = manifest.indexOf('\n- file:', at + 1);
  const line = manifest.slice(at, next < 0 ? undefined : next);
  const updated = line
    .replace(/sha256: [0-9a-f]{64}/u, `sha256: ${sha256(kb.read(file))}`)
    .replace(/by: .*/u, `by: ${reviewer}`)
    .replace(/(reviewed:[\s\S]*?date: )\S+/u, '$12026-12-09');
  kb.write(MANIFEST, manifest.replace(line, updated));
}

describe('the sources pinned by their checksum', () => {
  it('pins the report, every law text and the hotline registry of the shipped knowledge base', () => {
    const { knowledge, sources = [] } = checkKnowledge(KNOWLEDGE_DIR);
    expect(knowledge).toBeDefined();
    const files = sources.map((pin) => pin.file);
    expect(files).toEqual(expect.arrayContaining(['sources/qujiang-2023-report.txt', 'hotlines.yaml', LAW, 'sources/laws/民事诉讼法.yaml']));
    expect(sources.every((pin) => pin.reviewed.by && pin.reviewed.date)).toBe(true);
  });

  it('refuses a law text edited to back an answer (laundering), naming the file', () => {
    copy = copyKnowledge();
    copy.write(LAW, copy.read(LAW).replace('律师事务所和律师应当依法纳税。', '律师事务所和律师应当依法纳税。律师为经济困难的群众免费代理。'));
    const problems = checkKnowledge(copy.dir).problems;
    expect(problems).toEqual([expect.objectContaining({ file: LAW, rule: 'source-changed', field: '(校验和)' })]);
    expect(problems[0]?.message).toMatch(/与来源清单不符.*sources\/manifest\.yaml/u);
  });

  it('refuses an edited report and an edited hotline registry the same way', () => {
    copy = copyKnowledge();
    copy.write('sources/qujiang-2023-report.txt', copy.read('sources/qujiang-2023-report.txt').replace('在册律师56名', '在册律师65名'));
    copy.write('hotlines.yaml', `${copy.read('hotlines.yaml')}- { number: '12349', name: 法律热线, for: 法律咨询, office: 司法局, matters: [legal], source: 自拟 }\n`);
    const changed = checkKnowledge(copy.dir).problems.filter((p) => p.rule === 'source-changed').map((p) => p.file);
    expect(changed).toEqual(expect.arrayContaining(['sources/qujiang-2023-report.txt', 'hotlines.yaml']));
  });

  it('accepts a source changed with its manifest line updated by a reviewer', () => {
    copy = copyKnowledge();
    copy.write(LAW, `${copy.read(LAW)}# 复核:与国家法律法规数据库一致\n`);
    repin(copy, LAW);
    const { knowledge, problems } = checkKnowledge(copy.dir);
    expect(problems).toEqual([]);
    expect(knowledge?.sources.find((pin) => pin.file === LAW)?.reviewed).toMatchObject({ by: '李审核', date: '2026-12-09' });
  });

  it('refuses a law file not in the manifest, a line for a file that is not there, and a date not the file\'s', () => {
    copy = copyKnowledge();
    copy.write('sources/laws/广告法.yaml', 'law: 中华人民共和国广告法\nversion: 2021-04-29\nsource: 测试\narticles:\n  第九条: |-\n    广告不得有下列情形\n');
    copy.write(MANIFEST, copy.read(MANIFEST).replace('date: 2017-09-01', 'date: 2016-09-01'));
    const found = checkKnowledge(copy.dir).problems.map((p) => `${p.rule}:${p.file}`);
    expect(found).toEqual(expect.arrayContaining(['source-unpinned:sources/laws/广告法.yaml', 'source-version:sources/manifest.yaml']));
    copy.remove('sources/laws/广告法.yaml');
    copy.write(MANIFEST, `${copy.read(MANIFEST)}- { file: sources/laws/广告法.yaml, sha256: ${'a'.repeat(64)}, title: 广告法, version: x, date: null, origin: x, reviewed: { by: x, date: 2026-12-08 } }\n`);
    const after = checkKnowledge(copy.dir).problems;
    expect(after.map((p) => `${p.rule}:${p.file}:${p.text}`), JSON.stringify(after.slice(0, 3))).toContain('source-unpinned:sources/manifest.yaml:sources/laws/广告法.yaml');
  });
});

describe('manifest changes, for the audit', () => {
  const pin = (file: string, sha: string): PinnedSource => ({ file, sha256: sha.repeat(64), title: file, version: 'v', date: null, origin: 'o', reviewed: { by: '李审核', date: '2026-12-09' } });
  it('lists what was added, changed and removed', () => {
    expect(manifestChanges([pin('a', '1'), pin('b', '2'), pin('c', '3')], [pin('a', '1'), pin('b', '4'), pin('d', '5')])).toEqual([
      { file: 'b', change: 'changed', pin: pin('b', '4') },
      { file: 'd', change: 'added', pin: pin('d', '5') },
      { file: 'c', change: 'removed' },
    ]);
  });
});
