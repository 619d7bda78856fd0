/** knowledge/privacy.yaml is checked like every knowledge file: refused with file, field and reason in Chinese. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the real knowledge base whose privacy.yaml is `change`d (or removed). */
function withPrivacy(change: ((data: Record<string, Record<string, unknown[]>>) => void) | 'remove'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-privacy-kb-'));
  temps.push(dir);
  fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const file = path.join(dir, 'privacy.yaml');
  if (change === 'remove') fs.rmSync(file);
  else {
    const data = YAML.parse(fs.readFileSync(file, 'utf8'));
    change(data);
    fs.writeFileSync(file, YAML.stringify(data));
  }
  return dir;
}
const problemsOf = (dir: string) => checkKnowledge(dir).problems.map(formatProblem);

describe('privacy.yaml', () => {
  it('the shipped lists load, and every list has a comment saying what it is for', () => {
    const { privacy } = loadKnowledge(KNOWLEDGE_DIR);
    expect(privacy.names.surnames).toContain('王');
    expect(privacy.places.offices).toContain('村委会');
    const lines = fs.readFileSync(path.join(KNOWLEDGE_DIR, 'privacy.yaml'), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^ {2}\w+:/.test(line)) expect(lines[i - 1], line).toMatch(/^\s*#/);
    });
  });

  it('is required: a knowledge folder without it is refused', () => {
    expect(problemsOf(withPrivacy('remove'))).toContain('privacy.yaml: (文件): 文件不存在或读不出');
  });

  it('refuses duplicates, capital letters, a surname of two characters and a missing list, naming each', () => {
    const problems = problemsOf(
      withPrivacy((data) => {
        data.names!.surnames!.push('王');
        data.ids!.qqCues!.push('QQ号码');
        data.names!.surnames!.push('欧阳');
        delete data.places!.offices;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^privacy\.yaml: names\.surnames\[\d+\]: “王”重复了$/),
        expect.stringMatching(/^privacy\.yaml: ids\.qqCues\[\d+\]: 拉丁字母要写小写/),
        expect.stringMatching(/^privacy\.yaml: names\.surnames\[\d+\]: 单姓只写一个字$/),
        expect.stringMatching(/^privacy\.yaml: places\.offices: /),
      ]),
    );
  });
});
