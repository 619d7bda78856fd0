/**
 * `review` and `stats`: the CSV format on its own, then both commands as a staff member runs
 * them (in-process), over a store filled by `ask --record`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewCsv, toCsv } from '../../cli/review.js';
import { openSqliteStaffStore } from '../../src/service/staff/sqlite-staff-store.js';
import { groupKey } from '../../src/service/store/reports.js';
import { runCli } from '../doubles/cli.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-review-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { env: { DATA_DIR: path.join(work, 'data'), ...env } });
}

describe('CSV for Excel', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and quotes what needs quoting', () => {
    const csv = toCsv([
      ['a', 'b,c'],
      ['说"好"', 'line\nbreak'],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1)).toBe('a,"b,c"\r\n"说""好""","line\nbreak"\r\n');
  });

  it('shows a question starting with = + - @ as text, never as a formula', () => {
    expect(toCsv([['=HYPERLINK("x")', '-1', '@a', '+1']]).slice(1)).toBe(`"'=HYPERLINK(""x"")",'-1,'@a,'+1\r\n`);
  });

  it('review rows become one CSV line each under a header', () => {
    const csv = reviewCsv([
      { type: 'unanswered', key: '离婚怎么办', count: 3, question: '离婚怎么办', kinds: 'fallback 3', entry: 'mediation.how', entryTitle: '调解', now: 'fallback', lastAt: 0 },
      { type: 'disliked', key: 'entry:notary.cost', count: 1, question: '', kinds: '👎 1', entry: 'notary.cost', lastAt: 0 },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('类型,次数,问题,回复,最接近/被点踩的条目,条目标题,现在的回复,最近一次');
    expect(lines[1]).toMatch(/^未答出,3,离婚怎么办,fallback 3,mediation.how,调解,fallback,/);
    expect(lines[2]).toMatch(/^点踩,1,,👎 1,notary.cost,,,/);
  });
});

describe('legal-bot review and stats over what ask recorded', () => {
  it('say there is nothing yet on a fresh data directory', async () => {
    expect((await run(['review'])).stdout).toMatch(/^还没有记录/);
    expect((await run(['stats'])).stdout).toMatch(/^还没有记录/);
  });

  it('review groups the unanswered questions and writes the CSV; stats counts them', async () => {
    for (const question of ['今天天气怎么样', '今天天气怎么样?', '今天 天气怎么样!', '法律援助在哪里申请']) {
      expect((await run(['ask', '--record', question])).code).toBe(0);
    }
    const csvFile = path.join(work, 'review.csv');
    const review = await run(['review', '--csv', csvFile]);
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(/1\. ×3 +今天天气怎么样/);
    expect(review.stdout).toMatch(/现在:fallback/);
    expect(review.stdout).toMatch(/^未答出的问题/);
    const bytes = fs.readFileSync(csvFile);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8')).toMatch(/未答出,3,今天天气怎么样/);

    const stats = await run(['stats', '--json']);
    const report = JSON.parse(stats.stdout);
    expect(report.total).toMatchObject({ total: 4, kinds: { fallback: 3, answer: 1 }, topics: { 'legal-aid': 1 } });
    expect((await run(['stats'])).stdout).toMatch(/未答出率/);

    const staff = openSqliteStaffStore(path.join(work, 'data'));
    await staff.recordReviewAction({ type: 'unanswered', key: groupKey('今天天气怎么样'), action: 'dismissed', actor: '王芳', at: Date.now() });
    staff.close();
    const after = await run(['review']);
    expect(after.stdout).not.toMatch(/今天天气怎么样/);
    expect(after.stdout).toMatch(/另有 1 组已由工作人员在后台处理/);
  });
});
