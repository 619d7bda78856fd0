import fs from 'node:fs';
import path from 'node:path';

/**
 * Creates `dir` and its missing parents, one level at a time. Not `mkdirSync(dir,
 * { recursive: true })`: on Node 20 that spins for ever where mkdir answers ENOENT under an
 * existing parent (e.g. DATA_DIR=/proc/x), which would hang the bot.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at); at = path.dirname(at)) {
    missing.unshift(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
