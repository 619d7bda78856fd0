/**
 * What one run hands to the next, in a small JSON file in DATA_DIR (owner-only): webhook
 * updates acknowledged but not answered by the stop deadline (Telegram will not send them
 * again), and the ids polling answered above its confirmed offset (Telegram will, and they
 * must not be answered twice). Read once at start and removed; it holds people's messages,
 * so it lives only from one stop to the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Update } from 'telegraf/types';
import { ErrorCodes } from '../../src/errors.js';
import { ensureDir } from '../../src/fs/ensure-dir.js';
import type { Logger } from '../../src/logger.js';

/** The file's name inside the data directory. */
export const KEPT_FILE = 'telegram-kept-updates.json';

export interface KeptUpdates {
  /** Updates to answer, oldest first. */
  updates: Update[];
  /** Update ids already answered. */
  answered: number[];
}

const EMPTY: KeptUpdates = { updates: [], answered: [] };

/** Reads and removes what the last run kept; nothing when there is no file or it is unreadable (logged). */
export function takeKeptUpdates(dataDir: string | undefined, logger: Logger): KeptUpdates {
  if (!dataDir) return EMPTY;
  const file = path.join(dataDir, KEPT_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') logger.error({ code: ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED, err: error }, 'telegram: cannot read the updates kept at the last stop');
    return EMPTY;
  }
  try {
    fs.rmSync(file, { force: true });
  } catch (error) {
    // Taken up all the same; the next start would answer these again, which beats losing them.
    logger.error({ code: ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED, err: error }, 'telegram: cannot remove the updates kept at the last stop');
  }
  try {
    const parsed = JSON.parse(raw) as Partial<KeptUpdates>;
    const updates = Array.isArray(parsed.updates) ? parsed.updates : [];
    const answered = Array.isArray(parsed.answered) ? parsed.answered.filter(Number.isSafeInteger) : [];
    logger.info({ updates: updates.length, answered: answered.length }, 'telegram: updates kept at the last stop taken up');
    return { updates, answered };
  } catch (error) {
    logger.error({ code: ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED, err: error }, 'telegram: the updates kept at the last stop are unreadable');
    return EMPTY;
  }
}

/** Writes what the next start takes up; returns how many updates were kept. Never throws (logged). */
export function keepUpdates(dataDir: string | undefined, kept: KeptUpdates, logger: Logger): number {
  if (kept.updates.length === 0 && kept.answered.length === 0) return 0;
  if (!dataDir) {
    if (kept.updates.length > 0) {
      logger.error({ code: ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED, lost: kept.updates.length }, 'telegram stop: no data directory to keep unanswered updates in');
    } else {
      logger.warn({ answered: kept.answered.length }, 'telegram stop: no data directory; updates answered out of order may be answered again');
    }
    return 0;
  }
  const updates: string[] = [];
  for (const update of kept.updates) {
    try {
      updates.push(JSON.stringify(update));
    } catch (error) {
      // Only a pathological body (nested too deep to write back) gets here.
      logger.error({ code: ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED, err: error, updateId: update.update_id }, 'telegram stop: an unanswered update cannot be kept');
    }
  }
  const file = path.join(dataDir, KEPT_FILE);
  try {
    ensureDir(dataDir);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `{"updates":[${updates.join(',')}],"answered":${JSON.stringify(kept.answered)}}\n`, { mode: 0o600 });
    fs.renameSync(temporary, file);
    return updates.length;
  } catch (error) {
    logger.error({ code: ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED, err: error, lost: updates.length }, 'telegram stop: cannot keep unanswered updates');
    return 0;
  }
}
