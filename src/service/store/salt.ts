/**
 * The salt of conversation hashes: made once, kept in the data directory (owner-only), so
 * the same conversation hashes alike across restarts while the hashes alone reveal nothing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { ensureDir } from '../../fs/ensure-dir.js';

/** The salt file's name inside the data directory. */
export const SALT_FILE = 'store-salt';

const VALID = /^[0-9a-f]{32,}$/;

/**
 * Reads the salt of `dataDir`, creating it if missing. When the directory cannot be used,
 * logs QLB_STORE_FAILED and returns a salt for this process only (hashes then do not join
 * up across restarts, which costs nothing but grouping).
 */
export function readOrCreateSalt(dataDir: string, logger: Logger): string {
  const file = path.join(dataDir, SALT_FILE);
  try {
    return readSalt(file);
  } catch {
    // missing (or unreadable): create it below
  }
  const salt = randomBytes(32).toString('hex');
  try {
    ensureDir(dataDir);
    fs.writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: 'wx' });
    return salt;
  } catch (error) {
    // Another process may have just created it.
    try {
      return readSalt(file);
    } catch {
      logger.warn({ code: ErrorCodes.STORE_FAILED, err: error, dataDir }, 'cannot keep the hash salt; using one for this run only');
      return salt;
    }
  }
}

function readSalt(file: string): string {
  const salt = fs.readFileSync(file, 'utf8').trim();
  if (!VALID.test(salt)) throw new Error(`${file} does not hold a salt`);
  return salt;
}
