/**
 * Staff passwords: scrypt (node:crypto) with a random 16-byte salt, stored as
 * `scrypt$N$r$p$salt$hash` (base64), so the cost can rise later without breaking old hashes.
 * Verification runs on libuv's thread pool, never on the event loop, and compares in
 * constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { BotError, ErrorCodes } from '../../errors.js';

/** scrypt's cost: N (CPU and memory), r (block size), p (parallelism). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt setting for 32 MiB of memory (N=2^15, r=8, p=3). */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

/** Fewest and most characters a password may have. */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Checks a new password against the rules.
 * @throws BotError QLB_STAFF_PASSWORD_INVALID saying, in Chinese, what is wrong.
 */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_LENGTH.min || length > PASSWORD_LENGTH.max) {
    throw new BotError(
      ErrorCodes.STAFF_PASSWORD_INVALID,
      `密码须为 ${PASSWORD_LENGTH.min} 到 ${PASSWORD_LENGTH.max} 个字符(现在 ${length} 个)`,
    );
  }
}

/** Hashes a password with a fresh salt. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` is the one `stored` was made from; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !key || !Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
