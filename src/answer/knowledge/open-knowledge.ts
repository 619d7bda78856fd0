/**
 * Loading the knowledge base for a running bot: from its snapshot when the files are exactly
 * those it was made of, otherwise from the files through the full check (then the snapshot is
 * written for the next start). The YAML parser and the schemas are imported only on that
 * second path, so a start from a snapshot never loads them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ErrorCodes } from '../../errors.js';
import { ensureDir } from '../../fs/ensure-dir.js';
import type { Logger } from 'pino';
import type { KnowledgeBase } from './knowledge-base.js';
import { assertKnowledgeDir } from './knowledge-files.js';
import { readKnowledgeSnapshotFiles, writeKnowledgeSnapshot } from './knowledge-snapshot.js';
import type { FileDigest, KnowledgeLimits } from './read-budget.js';

export interface OpenKnowledgeOptions {
  limits?: KnowledgeLimits;
  /** Folder of the snapshots; none read or written when unset. */
  snapshotDir?: string;
  logger?: Logger;
}

/**
 * Loads the knowledge base of `dir`, from its snapshot when that is still exact.
 * @throws BotError QLB_KNOWLEDGE_NOT_FOUND / QLB_KNOWLEDGE_INVALID exactly as loadKnowledge does.
 */
export async function openKnowledge(dir: string, options: OpenKnowledgeOptions = {}): Promise<KnowledgeBase> {
  return (await openKnowledgeFiles(dir, options)).knowledge;
}

/** {@link openKnowledge}, with the digests of the files the knowledge base was made of (to tell a later edit). */
export async function openKnowledgeFiles(dir: string, options: OpenKnowledgeOptions = {}): Promise<{ knowledge: KnowledgeBase; files: readonly FileDigest[] }> {
  const { limits, snapshotDir, logger } = options;
  assertKnowledgeDir(dir);
  if (snapshotDir) {
    const snapshot = readKnowledgeSnapshotFiles(snapshotDir, dir, limits);
    if (snapshot) {
      logger?.debug({ dir: snapshot.knowledge.dir }, 'knowledge read from its snapshot');
      return snapshot;
    }
  }
  const { loadCheckedKnowledge } = await import('./load-knowledge.js');
  const loaded = loadCheckedKnowledge(dir, limits);
  if (snapshotDir) saveKnowledgeSnapshot(snapshotDir, loaded.knowledge, loaded.files, { limits, logger });
  return loaded;
}

/** Writes the snapshot of checked knowledge; a failure is logged (starts then parse the files), never thrown. */
export function saveKnowledgeSnapshot(
  snapshotDir: string,
  knowledge: KnowledgeBase,
  files: readonly FileDigest[],
  options: { limits?: KnowledgeLimits; logger?: Logger } = {},
): void {
  try {
    ensureDir(snapshotDir);
    if (!writeKnowledgeSnapshot(snapshotDir, knowledge, files, options.limits)) {
      options.logger?.warn({ code: ErrorCodes.SNAPSHOT_FAILED, dir: knowledge.dir }, 'knowledge snapshot not written: its JSON form would differ');
    }
  } catch (error) {
    options.logger?.warn(
      { code: ErrorCodes.SNAPSHOT_FAILED, err: error, snapshotDir },
      'knowledge snapshot not written; starts read the knowledge files until it can be',
    );
  }
}

/**
 * The snapshot folder of a bot: `cache/` in DATA_DIR when that can be created and written,
 * else a folder of this user's own in the system's temp directory (only when it is a real
 * directory, owned by this user and closed to others), else none.
 */
export function snapshotDirFor(dataDir: string): string | undefined {
  const inData = path.join(dataDir, 'cache');
  try {
    ensureDir(inData);
    fs.accessSync(inData, fs.constants.W_OK);
    return inData;
  } catch {
    // DATA_DIR is read-only or missing here: fall back to the temp directory.
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const inTmp = path.join(os.tmpdir(), `qujiang-legal-bot-${uid ?? os.userInfo().username}`);
  try {
    if (!fs.existsSync(inTmp)) fs.mkdirSync(inTmp, { mode: 0o700 });
    const stat = fs.lstatSync(inTmp);
    const own = uid === undefined || stat.uid === uid;
    return stat.isDirectory() && own && (stat.mode & 0o077) === 0 ? inTmp : undefined;
  } catch {
    return undefined;
  }
}
