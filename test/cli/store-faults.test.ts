/**
 * `stats` and `review` on a faulty store, as staff run them (in-process): one line in Chinese
 * with the error code, a non-zero exit, no stack trace; `stats` reports a store that a running
 * bot cannot write to. Read-only and full disks are real tmpfs mounts in a private mount
 * namespace where the machine allows it (root with unshare), with the built bin/legal-bot
 * (`npm test` builds it first); skipped elsewhere.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { STORE_FILE } from '../../src/service/store/sqlite-store.js';
import { HEALTH_FILE } from '../../src/service/store/store-health.js';
import { runCli } from '../doubles/cli.js';

const BIN = new URL('../../bin/legal-bot', import.meta.url).pathname;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-store-faults-'));
const GOOD = path.join(work, 'good');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const run = (args: string[], dataDir: string) => runCli(args, { env: { DATA_DIR: dataDir, LOG_LEVEL: '' } });

/** One line, naming the code, in Chinese, no stack trace. */
function expectOneLine(stderr: string, code: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^legal-bot: .*[\\u4e00-\\u9fa5].*\\(${code}\\)$`));
  expect(stderr).not.toMatch(/\n\s+at |Error:/);
}

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs ${JSON.stringify(os.tmpdir())}`], { encoding: 'utf8' });
  return probe.status === 0;
})();

/** Runs `legal-bot <args>` in a private mount namespace on a tmpfs holding a copy of the good store. */
function runOnTmpfs(args: string[], prepare: string) {
  const mount = path.join(work, `mnt-${Math.random().toString(36).slice(2)}`);
  fs.mkdirSync(mount);
  const script = [
    'set -e',
    `mount -t tmpfs -o size=512k tmpfs "${mount}"`,
    `cp "${path.join(GOOD, STORE_FILE)}" "${mount}/"`,
    prepare.replaceAll('$M', mount),
    `exec "${process.execPath}" "${BIN}" --no-env-file ${args.join(' ')}`,
  ].join('\n');
  const result = spawnSync('unshare', ['-m', 'sh', '-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DATA_DIR: mount }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  expect((await run(['ask', '--record', '今天天气怎么样'], GOOD)).code).toBe(0);
}, 30_000);

describe('stats and review on a faulty store', () => {
  it('a corrupt database file: one line with QLB_STORE_CORRUPT, non-zero exit', async () => {
    const dir = path.join(work, 'corrupt');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, STORE_FILE), 'this is not a database\n'.repeat(200));
    for (const command of ['stats', 'review']) {
      const result = await run([command], dir);
      expect(result.code).not.toBe(0);
      expectOneLine(result.stderr, ErrorCodes.STORE_CORRUPT);
    }
  });

  it('a database that cannot be read: one line with QLB_STORE_UNREADABLE', async () => {
    const dir = path.join(work, 'unreadable');
    fs.mkdirSync(path.join(dir, STORE_FILE), { recursive: true });
    const result = await run(['stats'], dir);
    expect(result.code).not.toBe(0);
    expectOneLine(result.stderr, ErrorCodes.STORE_UNREADABLE);
  });

  it.skipIf(!fs.existsSync('/dev/full'))('review --csv onto a full device: one line with QLB_STORE_DISK_FULL', async () => {
    const result = await run(['review', '--csv', '/dev/full'], GOOD);
    expect(result.code).not.toBe(0);
    expectOneLine(result.stderr, ErrorCodes.STORE_DISK_FULL);
  });

  it.skipIf(!canMount)('a full disk: one line with QLB_STORE_DISK_FULL', () => {
    for (const command of ['stats', 'review']) {
      const result = runOnTmpfs([command], 'dd if=/dev/zero of="$M/filler" bs=4k 2>/dev/null || true');
      expect(result.code).not.toBe(0);
      expectOneLine(result.stderr, ErrorCodes.STORE_DISK_FULL);
    }
  });

  it.skipIf(!canMount)('a read-only data directory: one line with QLB_STORE_UNREADABLE', () => {
    for (const command of ['stats', 'review']) {
      const result = runOnTmpfs([command], 'mount -o remount,ro "$M"');
      expect(result.code).not.toBe(0);
      expectOneLine(result.stderr, ErrorCodes.STORE_UNREADABLE);
      expect(result.stderr).toMatch(/数据目录须可写/);
    }
  });

  it('stats reports a running bot that cannot write, from its store health', async () => {
    const health = { state: 'degraded', queued: 420, dropped: 3, written: 10, since: Date.now() - 60_000, lastError: { code: 'SQLITE_BUSY', message: 'database is locked', at: Date.now() } };
    fs.writeFileSync(path.join(GOOD, HEALTH_FILE), JSON.stringify({ ...health, pid: process.pid, updatedAt: Date.now() }));
    const text = await run(['stats'], GOOD);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^存储:降级 — 运行中的机器人\\(进程 ${process.pid}\\)写不进数据库\\[SQLITE_BUSY\\].*等待写入 420 条,已丢弃 3 条`));
    const json = JSON.parse((await run(['stats', '--json'], GOOD)).stdout);
    expect(json.store).toMatchObject({ state: 'degraded', health: { queued: 420, lastError: { code: 'SQLITE_BUSY' } } });
    // Written by a bot that has stopped: says nothing about now.
    fs.writeFileSync(path.join(GOOD, HEALTH_FILE), JSON.stringify({ ...health, pid: 2 ** 22 + 1, updatedAt: Date.now() }));
    expect((await run(['stats'], GOOD)).stdout).toMatch(/^存储:正常/);
  });
});

describe('stats and review on a PostgreSQL store that cannot be reached', () => {
  it('one line with QLB_DATABASE_UNREACHABLE naming the database, never the password', async () => {
    const env = { DATA_DIR: GOOD, LOG_LEVEL: '', DATABASE_URL: 'postgres://bot:secret-pw@127.0.0.1:1/legal' };
    for (const command of ['stats', 'review']) {
      const { code, stderr } = await runCli([command], { env });
      expect(code).toBe(2);
      expectOneLine(stderr, ErrorCodes.DATABASE_UNREACHABLE);
      expect(stderr).toContain('127.0.0.1:1/legal');
      expect(stderr).not.toContain('secret-pw');
    }
  });
});
