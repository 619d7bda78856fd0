/**
 * The CLI as a person runs it, in-process against the sources (test/cli/smoke.test.ts runs
 * the built binary once).
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../doubles/cli.js';
import { KNOWLEDGE_DIR } from '../doubles/harness.js';

/** Each run writes its store here, never into the repository's ./data. */
const DATA_DIR = tempDataDir();

function run(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  return runCli(args, { ...options, env: { DATA_DIR, ...options.env } });
}

describe('legal-bot ask', () => {
  it('prints the reply with its source', async () => {
    const { code, stdout } = await run(['ask', '法律援助在哪里申请']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/来源:/);
  });

  it('--json prints one object: kind, text, entry, score, choices, source, awaits, call, calculation, glossary, flow', async () => {
    const { stdout } = await run(['ask', '--json', '法律援助在哪里申请']);
    const reply = JSON.parse(stdout);
    expect(Object.keys(reply).sort()).toEqual(['awaits', 'calculation', 'call', 'choices', 'entry', 'flow', 'glossary', 'kind', 'score', 'source', 'text']);
    expect(reply).toMatchObject({ kind: 'answer', entry: 'legal-aid.where' });
  });

  it('--jsonl answers one line each, in order, each line its own conversation', async () => {
    const { code, stdout } = await run(['ask', '--jsonl'], { input: '法律援助在哪里申请\n收费吗\n救命\n' });
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(replies).toHaveLength(3);
    expect(replies[0].entry).toBe('legal-aid.where');
    expect(replies[1].entry).not.toBe('legal-aid.cost');
    expect(replies[2].kind).toBe('emergency');
  });
});

describe('legal-bot why, check, eval', () => {
  it('why shows normalized text, tokens, candidates and the deciding step with its reason', async () => {
    const { stdout } = await run(['why', '法律原助在哪里']);
    expect(stdout).toMatch(/规范化: +法律原助在哪里/);
    expect(stdout).toMatch(/纠错: +(原助→援助|法律原助→法律援助)/);
    expect(stdout).toMatch(/候选:/);
    expect(stdout).toMatch(/决定: +answer legal-aid.where —— 由「match」步骤作出\(answer.confident\)/);
  });

  it('check passes on the shipped knowledge base', async () => {
    const { code, stdout } = await run(['check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/检查通过 —— 16 个主题,\d+ 条答案/);
    expect(stdout).toMatch(/\d+ 个来源文件与来源清单的校验和一致/);
  });

  it('check refuses an invented fact in Chinese, and --json gives the same as data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cli-'));
    fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    const file = path.join(dir, 'entries', 'lawyers.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('在册律师56名', '在册律师65名'));
    const check = await run(['check'], { env: { KNOWLEDGE_DIR: dir } });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/发现 1 个问题/);
    expect(check.stderr).toMatch(/entries\/lawyers.yaml: id=lawyers.find.answer: 「65」不在本条的来源引文里.*规则:/);
    const json = await run(['check', '--json'], { env: { KNOWLEDGE_DIR: dir } });
    expect(json.code).toBe(2);
    const report = JSON.parse(json.stdout);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'entries/lawyers.yaml', entry: 'lawyers.find', field: 'id=lawyers.find.answer', text: '65', rule: 'number-unsourced' }),
    ]);
    expect(report.problems[0].ruleText).toMatch(/来源引文/);
    // The pinned sources, each with its checksum, official version and review.
    expect(report.sources).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'sources/laws/民事诉讼法.yaml', version: '2023年9月1日第五次修正', date: '2023-09-01', reviewed: expect.objectContaining({ by: expect.any(String) }) }),
      expect.objectContaining({ file: 'sources/qujiang-2023-report.txt', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('check and the bot refuse a broken knowledge base, naming file and field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cli-'));
    fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'entries', 'broken.yaml'), '- id: Bad Id\n  topic: legal-aid\n');
    const check = await run(['check'], { env: { KNOWLEDGE_DIR: dir } });
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/entries\/broken.yaml: \[0\]\(id=Bad Id\)\.id: 只能用小写字母/);
    expect(check.stderr).toMatch(/entries\/broken.yaml: \[0\]\(id=Bad Id\)\.questions:/);
    const ask = await run(['ask', '你好'], { env: { KNOWLEDGE_DIR: dir } });
    expect(ask.code).toBe(2);
    expect(ask.stderr).toMatch(/invalid/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('eval exits non-zero under the thresholds and lists the misses', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-gold-')), 'gold.yaml');
    fs.writeFileSync(file, '- { q: 法律援助在哪里申请, expect: notary.cost, category: answer }\n');
    const { code, stdout } = await run(['eval', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/expected notary.cost, got legal-aid.where/);
  });
});

describe('legal-bot settings', () => {
  it('reads an env file, where variables already set win', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-env-')), 'bot.env');
    fs.writeFileSync(file, 'MAX_MESSAGE_CHARS=20\n');
    const long = `法律援助在哪里申请${'啊'.repeat(40)}`;
    expect((await run(['--env-file', file, 'ask', long])).stdout).toContain('前 20 个字');
    const overridden = await run(['--env-file', file, 'ask', long], { env: { MAX_MESSAGE_CHARS: '30' } });
    expect(overridden.stdout).toContain('前 30 个字');
  });
});

describe('legal-bot chat and serve', () => {
  it('chat shows the menu, then answers typed lines until the input ends', async () => {
    const { code, stdout } = await run(['chat'], { input: '2\n1\n' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/1\. /);
    expect(stdout).toMatch(/来源:/);
  });

  it('serve with nothing configured and no terminal serves the web chat, prints its address, stops on SIGTERM', async () => {
    const signals = new EventEmitter();
    let printed: (address: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (printed = resolve));
    const running = runCli(['serve'], {
      env: { DATA_DIR, HTTP_PORT: '0' },
      signals,
      onStdout: (text) => {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
        if (found?.[1]) printed(found[1]);
      },
    });
    const address = await listening;
    const reply = await fetch(`${address}api/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ conversation: 'cli-test-conversation', text: '法律援助在哪里申请' }),
    }).then((response) => response.json());
    // The API gives the same answer as `ask --json` for the same question, with the same
    // suggestions as choices (awaiting a pick); the page shows them as buttons under their
    // "您还可以问" line, where `ask` (no buttons) numbers them.
    const asked = JSON.parse((await run(['ask', '--json', '法律援助在哪里申请'])).stdout);
    expect(reply.awaits).toBe('pick');
    // The page also gets the legal-aid pre-screen's button (issue 22); `ask` gets the words to type.
    const suggestions = (choices: unknown) => (choices as Array<{ id: string }>).filter((c) => c.id.startsWith('e:'));
    const same = ({ kind, entry, score, choices, source, call, glossary }: Record<string, unknown>) => ({ kind, entry, score, choices: suggestions(choices), source, call, glossary });
    expect(same(reply)).toEqual(same(asked));
    expect((reply.choices as Array<{ id: string }>).at(-1)?.id).toMatch(/^f:legal-aid/u);
    expect(reply.text).toContain('您还可以问:谁可以申请法律援助 / ');
    expect(asked.text).toContain('您还可以问(回复数字):\n1. 谁可以申请法律援助');
    expect((await fetch(`${address}readyz`)).status).toBe(200);
    signals.emit('SIGTERM');
    expect((await running).code).toBe(0);
  });

  it('serve in a terminal with nothing configured serves the web chat and the console chat beside it', async () => {
    const input = Object.assign(Readable.from(['工资被拖欠了找谁\n']), { isTTY: true });
    const { code, stdout } = await runCli(['serve'], { input, env: { DATA_DIR, HTTP_PORT: '0' } });
    expect(code).toBe(0);
    expect(stdout).toMatch(/网页聊天 \/ web chat: http:\/\/127\.0\.0\.1:\d+\//);
    expect(stdout).toMatch(/来源:/);
  });
});

describe('legal-bot from anywhere', () => {
  it('finds its knowledge base and data directory from any working directory', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-cwd-'));
    const { code, stdout } = await runCli(['ask', '--json', '法律援助在哪里申请'], { cwd: elsewhere });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ entry: 'legal-aid.where' });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('ask and why are not recorded unless --record is given', async () => {
    const dataDir = tempDataDir();
    await runCli(['ask', '今天天气怎么样'], { env: { DATA_DIR: dataDir } });
    await runCli(['why', '今天天气怎么样'], { env: { DATA_DIR: dataDir } });
    expect((await runCli(['stats', '--json'], { env: { DATA_DIR: dataDir } })).stdout).toMatch(/No records yet|没有记录/);
    await runCli(['ask', '--record', '今天天气怎么样'], { env: { DATA_DIR: dataDir } });
    expect(JSON.parse((await runCli(['stats', '--json'], { env: { DATA_DIR: dataDir } })).stdout).total.total).toBe(1);
  });
});
