/**
 * Personal data as people really type it (issues 16 and 28): sent through `legal-bot ask --record`
 * (in-process) at LOG_LEVEL=debug, then looked for in the log (stderr), the store (every row
 * and the raw database files) and `review --csv`. None of it may be found; the placeholders must be.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src/service/store/sqlite-store.js';
import { runCli } from '../doubles/cli.js';

const KNOWLEDGE = new URL('../../knowledge', import.meta.url).pathname;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-privacy-'));
const DATA_DIR = path.join(work, 'data');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env: { DATA_DIR, ...env } });

/** Each message (out of scope, so its masked text is kept) and what must never be found of it. */
const CASES: Array<{ text: string; secrets: string[]; placeholder: string }> = [
  { text: '我的电话是１３８１２３４５６７８,今天天气怎么样', secrets: ['１３８１２３４５６７８', '13812345678'], placeholder: '[手机号]' },
  { text: '电话 139 8765 4321 ,今天天气怎么样', secrets: ['139 8765 4321', '13987654321', '8765 4321'], placeholder: '[手机号]' },
  { text: '电话一三六一二三四五六七八,今天天气怎么样', secrets: ['一三六一二三四五六七八', '13612345678'], placeholder: '[手机号]' },
  { text: '邮箱 zhang.wei@example.com ,今天天气怎么样', secrets: ['zhang.wei@example.com', 'zhang.wei'], placeholder: '[邮箱]' },
  { text: '身份证 4402 0519 9001 0112 3X ,今天天气怎么样', secrets: ['44020519900101123X', '4402 0519', '0112 3X'], placeholder: '[身份证号]' },
  { text: '我家在人民路88号,今天天气怎么样', secrets: ['人民路88号', '88号'], placeholder: '[地址]' },
  { text: '我叫 张伟,今天天气怎么样', secrets: ['张伟'], placeholder: '[姓名]' },
  { text: '我姓李名娜,今天天气怎么样', secrets: ['李名娜', '名娜'], placeholder: '[姓名]' },
  { text: '我老婆叫黄丽丽,今天天气怎么样', secrets: ['黄丽丽', '丽丽'], placeholder: '[姓名]' },
  // Issue 28: names with no cue word, homes below the town level, ids, plates, birth dates, case numbers.
  { text: '我朋友林小军说,今天天气怎么样', secrets: ['林小军', '小军'], placeholder: '[姓名]' },
  { text: '陈志强问,今天天气怎么样', secrets: ['陈志强', '志强'], placeholder: '[姓名]' },
  { text: '我住马坝镇石堡村三组,今天天气怎么样', secrets: ['石堡村三组', '石堡'], placeholder: '马坝镇[地址]' },
  { text: '我住碧水小区,今天天气怎么样', secrets: ['碧水小区', '碧水'], placeholder: '[地址]' },
  { text: '我住3栋2单元501房,今天天气怎么样', secrets: ['2单元501', '501房'], placeholder: '[地址]' },
  { text: '微信号 zhang_wei88 ,今天天气怎么样', secrets: ['zhang_wei88'], placeholder: '[微信号]' },
  { text: '我的QQ是 12345678 ,今天天气怎么样', secrets: ['12345678'], placeholder: '[QQ号]' },
  { text: '车牌粤F·12345,今天天气怎么样', secrets: ['粤F·12345', 'F·12345'], placeholder: '[车牌]' },
  { text: '护照号E12345678,今天天气怎么样', secrets: ['E12345678'], placeholder: '[护照号]' },
  { text: '我1985年3月2日出生,今天天气怎么样', secrets: ['1985年3月2日', '3月2日'], placeholder: '[出生日期]' },
  { text: '案号(2024)粤0205民初123号,今天天气怎么样', secrets: ['粤0205民初123号', '民初123'], placeholder: '[案号]' },
  // Over-masking: the name, and not the word after it.
  { text: '我姓王名伟火星上来的,今天天气怎么样', secrets: ['王名伟'], placeholder: '我姓[姓名]火星上来的' },
];
const SECRETS = CASES.flatMap((c) => c.secrets);

let logs = '';
beforeAll(async () => {
  for (const { text } of CASES) {
    const result = await run(['ask', '--record', text], { LOG_LEVEL: 'debug' });
    expect(result.code).toBe(0);
    logs += result.stderr;
  }
}, 120_000);

describe('personal data is never kept: log, store and CSV', () => {
  it('ask honours LOG_LEVEL: the debug log is there, with none of the personal data', () => {
    expect(logs).toMatch(/"msg":"message text"/);
    for (const secret of SECRETS) expect(logs, secret).not.toContain(secret);
    expect(logs).toContain('[手机号]');
  });

  it('the store keeps each question masked, and the database file holds none of it', () => {
    const db = new Database(path.join(DATA_DIR, STORE_FILE), { readonly: true });
    const questions = (db.prepare('SELECT question FROM messages ORDER BY id').all() as Array<{ question: string | null }>).map((r) => r.question ?? '');
    db.close();
    expect(questions).toHaveLength(CASES.length);
    CASES.forEach((c, i) => {
      expect(questions[i]).toContain(c.placeholder);
      for (const secret of c.secrets) expect(questions[i], secret).not.toContain(secret);
    });
    // Every file DATA_DIR holds, the knowledge snapshot in cache/ included. A fragment the knowledge
    // base itself holds (a date such as 3月2日 in the calculators' examples) is no leak in a cache of it.
    const knowledgeText = fs
      .readdirSync(KNOWLEDGE, { recursive: true, encoding: 'utf8' })
      .filter((file) => fs.statSync(path.join(KNOWLEDGE, file)).isFile())
      .map((file) => fs.readFileSync(path.join(KNOWLEDGE, file), 'utf8'))
      .join('\n');
    for (const file of fs.readdirSync(DATA_DIR, { recursive: true, encoding: 'utf8' })) {
      if (!fs.statSync(path.join(DATA_DIR, file)).isFile()) continue;
      const bytes = fs.readFileSync(path.join(DATA_DIR, file));
      const cache = file.startsWith('cache');
      // The caches are written in UTF-16: look for both encodings.
      for (const secret of SECRETS.filter((secret) => !(cache && knowledgeText.includes(secret)))) {
        for (const encoding of ['utf8', 'utf16le'] as const) expect(bytes.includes(Buffer.from(secret, encoding)), `${file}: ${secret}`).toBe(false);
      }
    }
  });

  it('review --csv lists the masked questions and none of the personal data', async () => {
    const csvFile = path.join(work, 'review.csv');
    const result = await run(['review', '--csv', csvFile], { LOG_LEVEL: 'debug' });
    expect(result.code).toBe(0);
    const csv = fs.readFileSync(csvFile, 'utf8');
    for (const c of CASES) expect(csv).toContain(c.placeholder);
    for (const secret of SECRETS) {
      expect(csv, secret).not.toContain(secret);
      expect(result.stdout + result.stderr, secret).not.toContain(secret);
    }
  });

  it('without LOG_LEVEL, ask logs only warnings (nothing here)', async () => {
    const result = await run(['ask', '--record', CASES[0]?.text ?? ''], { LOG_LEVEL: '' });
    expect(result.stderr).toBe('');
  });
});
