/**
 * The one test of the built binary (`npm test` builds it first): it starts, answers, and
 * finds its knowledge base when started from another directory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/legal-bot', import.meta.url).pathname;

describe('bin/legal-bot', () => {
  it('answers a question from any working directory', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-smoke-'));
    const result = spawnSync(process.execPath, [BIN, '--no-env-file', 'ask', '--json', '法律援助在哪里申请'], {
      cwd: elsewhere,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'answer', entry: 'legal-aid.where' });
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });
});
