import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import { createLockout } from '../../../../src/service/staff/lockout.js';
import { checkNewPassword, DEFAULT_SCRYPT, hashPassword, verifyPassword } from '../../../../src/service/staff/passwords.js';
import { createManualClock } from '../../../doubles/manual-clock.js';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('staff passwords (scrypt)', () => {
  it('hashes with a fresh salt each time and verifies only the right password', async () => {
    const a = await hashPassword('正确的密码 horse battery', CHEAP);
    const b = await hashPassword('正确的密码 horse battery', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('正确的密码 horse battery', a)).resolves.toBe(true);
    await expect(verifyPassword('正确的密码 horse batterY', a)).resolves.toBe(false);
    await expect(verifyPassword('x', 'plain-text')).resolves.toBe(false);
    await expect(verifyPassword('x', 'scrypt$0$8$1$AAAA$AAAA')).resolves.toBe(false);
  });

  it('uses OWASP’s cost by default', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 3 });
    await expect(verifyPassword('long enough pass', await hashPassword('long enough pass'))).resolves.toBe(true);
  });

  it('refuses a password under 10 characters, in Chinese', () => {
    expect(() => checkNewPassword('short')).toThrow(expect.objectContaining({ code: ErrorCodes.STAFF_PASSWORD_INVALID, message: expect.stringMatching(/^密码须为 10 到/) }));
    expect(() => checkNewPassword('十个字的中文密码一二')).not.toThrow();
  });
});

describe('lock-out', () => {
  it('locks a key after maxFailures within the window, for lockMs, and a success forgets', async () => {
    const clock = createManualClock(0);
    const lockout = createLockout({ maxFailures: 3, windowMs: 1000, lockMs: 5000, clock });
    expect(lockout.fail('a')).toBe(false);
    await clock.advance(2000); // the first failure fell out of the window
    expect(lockout.fail('a')).toBe(false);
    expect(lockout.fail('a')).toBe(false);
    expect(lockout.lockedFor('a')).toBe(0);
    expect(lockout.fail('a')).toBe(true);
    expect(lockout.lockedFor('a')).toBe(5000);
    expect(lockout.lockedFor('b')).toBe(0);
    await clock.advance(5000);
    expect(lockout.lockedFor('a')).toBe(0);
    lockout.fail('b');
    lockout.fail('b');
    lockout.succeed('b');
    expect(lockout.fail('b')).toBe(false);
  });

  it('remembers a bounded number of keys', () => {
    const lockout = createLockout({ maxFailures: 1, windowMs: 1000, lockMs: 1000, maxKeys: 2, clock: createManualClock(0) });
    lockout.fail('a');
    lockout.fail('b');
    lockout.fail('c');
    expect(lockout.lockedFor('a')).toBe(0);
    expect(lockout.lockedFor('c')).toBe(1000);
  });
});
