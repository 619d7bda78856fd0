/**
 * Watches the knowledge directory and calls back once edits have settled. Each directory is
 * watched on its own (`fs.watch` without `recursive`): Node 20's recursive mode on Linux
 * misses events while it sets up and can throw when files are deleted (nodejs/node#48437,
 * #52018). Directories added or removed are picked up after each change. Editors' swap and
 * backup files are ignored. The watchers never keep the process alive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';

export interface WatchOptions {
  logger: Logger;
  /** Quiet time after the last event before `onChange` runs, in ms. */
  debounceMs?: number;
}

export interface KnowledgeWatch {
  /** Directories currently watched. */
  readonly watched: readonly string[];
  close(): void;
}

const RELEVANT = /\.(ya?ml|txt)$/i;
const MAX_DEPTH = 4;

/** True for names worth a reload: knowledge files, and directories (no extension). */
function relevant(name: string | null): boolean {
  if (name === null) return true;
  const base = path.basename(name);
  if (base.startsWith('.') || base.endsWith('~')) return false;
  return RELEVANT.test(base) || !base.includes('.');
}

/** Starts watching `dir`; `onChange` runs after edits settle. */
export function watchKnowledge(dir: string, onChange: () => void, options: WatchOptions): KnowledgeWatch {
  const { logger } = options;
  const root = path.resolve(dir);
  const debounceMs = options.debounceMs ?? 300;
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const fire = () => {
    timer = undefined;
    if (closed) return;
    sync();
    onChange();
  };
  const onEvent = (_event: string, name: string | Buffer | null) => {
    if (closed || !relevant(name === null ? null : String(name))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
    timer.unref();
  };

  const unwatch = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };

  function sync(): void {
    const present = new Set(listDirs(root));
    for (const folder of watchers.keys()) if (!present.has(folder)) unwatch(folder);
    for (const folder of present) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = fs.watch(folder, { persistent: false }, onEvent);
        // A watched folder that disappears reports an error: forget it, the parent saw the change.
        watcher.on('error', () => unwatch(folder));
        watchers.set(folder, watcher);
      } catch (error) {
        logger.warn({ code: ErrorCodes.KNOWLEDGE_WATCH_FAILED, folder, err: error }, 'cannot watch a knowledge folder');
      }
    }
  }

  sync();
  if (!watchers.has(root)) {
    logger.warn({ code: ErrorCodes.KNOWLEDGE_WATCH_FAILED, dir: root }, 'knowledge directory not watched; SIGHUP and /reload still reload');
  }
  return {
    get watched() {
      return [...watchers.keys()];
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const folder of [...watchers.keys()]) unwatch(folder);
    },
  };
}

/** `root` and its sub-directories (not following links, a few levels deep). */
function listDirs(root: string, depth = 0): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs = [root];
  if (depth >= MAX_DEPTH) return dirs;
  for (const entry of entries) {
    if (entry.isDirectory() && !entry.name.startsWith('.')) dirs.push(...listDirs(path.join(root, entry.name), depth + 1));
  }
  return dirs;
}
