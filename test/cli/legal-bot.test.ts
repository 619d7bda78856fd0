/**
 * The CLI as a person runs it: the real `bin/legal-bot` in a child process (built by
 * `npm test`'s pretest step).
 */
import { spawn, spawnSync } from 'node:child_process';
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

  it('--json prints one object: kind, text, entry, score, choices, source, awaits, call', () => {
    const { stdout } = run(['ask', '--json', '法律援助在哪里申请']);
    const reply = JSON.parse(stdout);
    expect(Object.keys(reply).sort()).toEqual(['awaits', 'call', 'choices', 'entry', 'kind', 'score', 'source', 'text']);
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
  it('why shows normalized text, tokens, candidates and the deciding step with its reason', () => {
    const { stdout } = run(['why', '法律原助在哪里']);
    expect(stdout).toMatch(/规范化: +法律原助在哪里/);
    expect(stdout).toMatch(/纠错: +(原助→援助|法律原助→法律援助)/);
    expect(stdout).toMatch(/候选:/);
    expect(stdout).toMatch(/决定: +answer legal-aid.where —— 由「match」步骤作出\(answer.confident\)/);
  });

  it('check passes on the shipped knowledge base', () => {
    const { code, stdout } = run(['check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK — 15 topics, \d+ entries/);
  });

  it('check and the bot refuse a broken knowledge base, naming file and field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cli-'));
    fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'entries', 'broken.yaml'), '- id: Bad Id\n  topic: legal-aid\n');
    const check = run(['check'], { env: { KNOWLEDGE_DIR: dir } });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/entries\/broken.yaml: \[0\]\(id=Bad Id\)\.id: use lowercase/);
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

  it('serve with no platform configured serves the web chat, prints its address, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, '--no-env-file', 'serve'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', DATA_DIR, HTTP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${stdout}`)), 20_000);
      child.stdout.on('data', () => {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
    });
    const reply = await fetch(`${address}api/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: 'cli-test-conversation', text: '法律援助在哪里申请' }),
    }).then((response) => response.json());
    expect(reply).toMatchObject({ kind: 'answer', entry: 'legal-aid.where' });
    // The API gives the same reply as `ask --json` for the same question; only the web
    // conversation, which goes on, awaits a 👍 / 👎 that a one-shot `ask` cannot take.
    expect({ ...reply, awaits: null }).toEqual(JSON.parse(run(['ask', '--json', '法律援助在哪里申请']).stdout));
    expect(reply.awaits).toBe('vote');
    expect((await fetch(`${address}readyz`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
