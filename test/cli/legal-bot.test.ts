/**
 * The CLI as a person runs it: the real `bin/legal-bot` in a child process (built by
 * `npm test`'s pretest step).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_DIR } from '../doubles/harness.js';

const BIN = new URL('../../bin/legal-bot', import.meta.url).pathname;
/** Each run writes its store here, never into the repository's ./data. */
const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cli-data-'));

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...(args[0] === '--env-file' ? [] : ['--no-env-file']), ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DATA_DIR, ...options.env },
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('legal-bot ask', () => {
  it('prints the reply with its source', () => {
    const { code, stdout } = run(['ask', '法律援助在哪里申请']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/来源:/);
  });

  it('--json prints one object with kind, text, entry and score', () => {
    const { stdout } = run(['ask', '--json', '法律援助在哪里申请']);
    const reply = JSON.parse(stdout);
    expect(Object.keys(reply).sort()).toEqual(['entry', 'kind', 'score', 'text']);
    expect(reply).toMatchObject({ kind: 'answer', entry: 'legal-aid.where' });
  });

  it('--jsonl answers one line each, in order, each line its own conversation', () => {
    const { code, stdout } = run(['ask', '--jsonl'], { input: '法律援助在哪里申请\n收费吗\n救命\n' });
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(replies).toHaveLength(3);
    expect(replies[0].entry).toBe('legal-aid.where');
    expect(replies[1].entry).not.toBe('legal-aid.cost');
    expect(replies[2].kind).toBe('emergency');
  });
});

describe('legal-bot why, check, eval', () => {
  it('why shows normalized text, tokens, candidates and the decision', () => {
    const { stdout } = run(['why', '法律原助在哪里']);
    expect(stdout).toMatch(/normalized: +法律原助在哪里/);
    expect(stdout).toMatch(/corrections: +原助→援助|corrections: +法律原助→法律援助/);
    expect(stdout).toMatch(/candidates:/);
    expect(stdout).toMatch(/decision: +answer legal-aid.where/);
  });

  it('check passes on the shipped knowledge base', () => {
    const { code, stdout } = run(['check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/检查通过 —— 15 个主题,\d+ 条答案/);
  });

  it('check refuses an invented fact in Chinese, and --json gives the same as data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cli-'));
    fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'entries', 'lawyers.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('在册律师56名', '在册律师65名'));
    const check = run(['check'], { env: { KNOWLEDGE_DIR: dir } });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/发现 1 个问题/);
    expect(check.stderr).toMatch(/entries\/lawyers.yaml: id=lawyers.find.answer: 「65」不在本条的来源引文里.*规则:/);
    const json = run(['check', '--json'], { env: { KNOWLEDGE_DIR: dir } });
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'entries/lawyers.yaml', entry: 'lawyers.find', field: 'id=lawyers.find.answer', text: '65', rule: 'number-unsourced' }),
    ]);
    expect(report.problems[0].ruleText).toMatch(/来源引文/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('check and the bot refuse a broken knowledge base, naming file and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cli-'));
    fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'entries', 'broken.yaml'), '- id: Bad Id\n  topic: legal-aid\n');
    const check = run(['check'], { env: { KNOWLEDGE_DIR: dir } });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/entries\/broken.yaml: \[0\]\(id=Bad Id\)\.id: 只能用小写字母/);
    expect(check.stderr).toMatch(/entries\/broken.yaml: \[0\]\(id=Bad Id\)\.questions:/);
    const ask = run(['ask', '你好'], { env: { KNOWLEDGE_DIR: dir } });
    expect(ask.code).toBe(2);
    expect(ask.stderr).toMatch(/invalid/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('eval exits non-zero under the thresholds and lists the misses', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-gold-')), 'gold.yaml');
    fs.writeFileSync(file, '- { q: 法律援助在哪里申请, expect: notary.cost, category: answer }\n');
    const { code, stdout } = run(['eval', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/expected notary.cost, got legal-aid.where/);
  });
});

describe('legal-bot settings', () => {
  it('reads an env file, where variables already set win', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-env-')), 'bot.env');
    fs.writeFileSync(file, 'MAX_MESSAGE_CHARS=20\n');
    const long = `法律援助在哪里申请${'啊'.repeat(40)}`;
    expect(run(['--env-file', file, 'ask', long]).stdout).toContain('前 20 个字');
    const overridden = run(['--env-file', file, 'ask', long], { env: { MAX_MESSAGE_CHARS: '30' } });
    expect(overridden.stdout).toContain('前 30 个字');
  });
});

describe('legal-bot chat and serve', () => {
  it('chat shows the menu, then answers typed lines until the input ends', () => {
    const { code, stdout } = run(['chat'], { input: '2\n1\n' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. /);
    expect(stdout).toMatch(/来源:/);
  });

  it('serve falls back to the console chat when no platform is configured', () => {
    const { code, stdout, stderr } = run(['serve'], { input: '工资被拖欠了找谁\n' });
    expect(code).toBe(0);
    expect(stderr).toMatch(/console chat/);
    expect(stdout).toMatch(/来源:/);
  });
});
