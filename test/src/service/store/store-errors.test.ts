import { describe, expect, it } from 'vitest';
import { BotError, ErrorCodes } from '../../../../src/errors.js';
import { storeReadError } from '../../../../src/service/store/store-errors.js';

const fault = (code: string) => Object.assign(new Error(`failed: ${code}`), { code });

describe('store read errors for staff', () => {
  it.each([
    ['SQLITE_NOTADB', ErrorCodes.STORE_CORRUPT, '损坏'],
    ['SQLITE_CORRUPT', ErrorCodes.STORE_CORRUPT, '损坏'],
    ['SQLITE_FULL', ErrorCodes.STORE_DISK_FULL, '磁盘已满'],
    ['SQLITE_IOERR_SHMSIZE', ErrorCodes.STORE_DISK_FULL, '磁盘已满'],
    ['ENOSPC', ErrorCodes.STORE_DISK_FULL, '磁盘已满'],
    ['SQLITE_BUSY', ErrorCodes.STORE_LOCKED, '锁住'],
    ['SQLITE_READONLY', ErrorCodes.STORE_UNREADABLE, '权限'],
    ['SQLITE_CANTOPEN', ErrorCodes.STORE_UNREADABLE, '权限'],
    ['EACCES', ErrorCodes.STORE_UNREADABLE, '权限'],
  ])('%s is %s, said in one line with the cause', (code, expected, words) => {
    const error = storeReadError(fault(code), '/data/legal-bot.sqlite') as BotError;
    expect(error).toBeInstanceOf(BotError);
    expect(error.code).toBe(expected);
    expect(error.message).toContain(words);
    expect(error.message).toContain(`[${code}]`);
    expect(error.message).toContain('/data/legal-bot.sqlite');
    expect(error.message).not.toContain('\n');
  });

  it('a CSV that cannot be written says so; a bug is not disguised as a store fault', () => {
    expect((storeReadError(fault('EISDIR'), 'out.csv', { output: true }) as BotError).code).toBe(ErrorCodes.OUTPUT_FAILED);
    const bug = new TypeError('x is undefined');
    expect(storeReadError(bug, 'x')).toBe(bug);
  });
});
