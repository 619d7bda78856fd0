/**
 * `legal-bot staff …` as an administrator runs it (in-process): passwords from a pipe,
 * accounts in the store of DATA_DIR, Chinese messages with codes, every change audited.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { readNewPassword } from '../../cli/password-prompt.js';
import { ErrorCodes } from '../../src/errors.js';
import { verifyPassword } from '../../src/service/staff/passwords.js';
import { openSqliteStaffStore } from '../../src/service/staff/sqlite-staff-store.js';
import { runCli, tempDataDir } from '../doubles/cli.js';

const dataDir = tempDataDir('qlb-staff-cli-');
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const run = (args: string[], input = '') => runCli(['staff', ...args], { input, env: { DATA_DIR: dataDir } });

describe('legal-bot staff', () => {
  it('adds an account with the password from a pipe, lists it, changes the password, removes it', async () => {
    expect((await run(['list'])).stdout).toMatch(/^还没有工作人员账号/);
    const added = await run(['add', '王芳'], 'first password 1\nignored\n');
    expect(added).toMatchObject({ code: 0, stdout: '已添加工作人员账号“王芳”,可以在 /staff 登录。\n' });
    expect((await run(['list'])).stdout).toMatch(/^工作人员账号\(1 个\):\n {2}王芳 {2}创建于 \d{4}-/);

    const store = openSqliteStaffStore(dataDir);
    const before = await store.getAccount('王芳');
    expect(before && (await verifyPassword('first password 1', before.passwordHash))).toBe(true);
    expect((await run(['password', '王芳'], 'second password 2\n')).stdout).toMatch(/^已更新“王芳”的密码/);
    const after = await store.getAccount('王芳');
    expect(after && (await verifyPassword('second password 2', after.passwordHash))).toBe(true);
    expect((await run(['remove', '王芳'])).stdout).toBe('已删除工作人员账号“王芳”。\n');
    const log = await store.auditLog({ limit: 10 });
    expect(log.map((r) => r.action).sort()).toEqual(['staff.add', 'staff.password', 'staff.remove']);
    expect(log.every((r) => r.actor.startsWith('命令行(') && r.target === '王芳')).toBe(true);
    store.close();
  });

  it('refuses, in Chinese with a code and exit 2: a bad name, a short password, none at all, a taken name, no such account', async () => {
    const cases: Array<[string[], string, string, RegExp]> = [
      [['add', 'a b'], 'long enough 1\n', ErrorCodes.STAFF_NAME_INVALID, /账号名“a b”不合规则/],
      [['add', 'zhang'], 'short\n', ErrorCodes.STAFF_PASSWORD_INVALID, /密码须为 10 到 200 个字符/],
      [['add', 'zhang'], '', ErrorCodes.STAFF_PASSWORD_INVALID, /标准输入里没有密码/],
      [['remove', 'nobody'], '', ErrorCodes.STAFF_NOT_FOUND, /没有工作人员账号“nobody”/],
      [['password', 'nobody'], 'long enough 1\n', ErrorCodes.STAFF_NOT_FOUND, /没有工作人员账号“nobody”/],
    ];
    for (const [args, input, code, message] of cases) {
      const result = await run(args, input);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(`(${code})`);
    }
    expect((await run(['add', 'zhang'], 'long enough 1\n')).code).toBe(0);
    const taken = await run(['add', 'zhang'], 'long enough 2\n');
    expect(taken.stderr).toMatch(/工作人员账号“zhang”已经存在 \(QLB_STAFF_EXISTS\)/);
  });
});

describe('password prompt at a terminal', () => {
  const terminal = (typed: string) => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, raw: [] as boolean[], setRawMode(mode: boolean) { this.raw.push(mode); } });
    const stderr = new PassThrough();
    let shown = '';
    stderr.on('data', (chunk: Buffer) => (shown += chunk.toString('utf8')));
    const io = { stdin, stderr, stdout: new PassThrough(), env: {}, cwd: '/', signals: new EventEmitter() };
    setImmediate(() => stdin.write(typed));
    return { io, stdin, shown: () => shown };
  };

  it('asks twice without echo, in raw mode, with backspace', async () => {
    const { io, stdin, shown } = terminal('secret passX\u007f1\rsecret pass1\r');
    await expect(readNewPassword(io, '王芳')).resolves.toBe('secret pass1');
    expect(shown()).toBe('王芳 的新密码(输入时不显示):\n再输入一次:\n');
    expect(stdin.raw).toEqual([true, false, true, false]);
  });

  it('refuses two different entries, and Ctrl-C', async () => {
    await expect(readNewPassword(terminal('one password\rtwo password\r').io, 'x')).rejects.toThrow(/两次输入的密码不一致/);
    await expect(readNewPassword(terminal('abc\u0003').io, 'x')).rejects.toThrow(/已取消/);
  });
});
