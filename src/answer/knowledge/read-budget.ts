/**
 * Size limits of the knowledge folder, checked before anything is parsed: a 50 MB file saved
 * into entries/ once made YAML parsing exhaust the heap and kill the running bot. Files are
 * read through an open descriptor and never past the limit, so a file that grows after its
 * size was checked cannot slip through either.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** How much the knowledge folder may hold. */
export interface KnowledgeLimits {
  /** Largest single file, in bytes. */
  maxFileBytes: number;
  /** All files the loader reads, together, in bytes. */
  maxTotalBytes: number;
  /** Most entry files in entries/. */
  maxEntryFiles: number;
}

/**
 * The defaults: many times the shipped folder (about 180 KB, the largest file 16 KB), small
 * enough that parsing all of it stays around a second (the yaml library reads ~1 MB/s).
 */
export const DEFAULT_KNOWLEDGE_LIMITS: KnowledgeLimits = {
  maxFileBytes: 512 * 1024,
  maxTotalBytes: 2 * 1024 * 1024,
  maxEntryFiles: 500,
};

/** A file refused for its size (the message names the limit) or its place outside the folder; the message is for staff, in Chinese. */
export class TooLargeError extends Error {}

/** Stands for the file of a problem about the whole folder (its total size). */
export const KNOWLEDGE_FOLDER = '(知识库目录)';

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`;

/** A file read, by its path in the knowledge folder, and the SHA-256 of the bytes read. */
export interface FileDigest {
  file: string;
  sha256: string;
}

/** Tracks what has been read so far against the limits. */
export interface ReadBudget {
  readonly limits: KnowledgeLimits;
  /** Checks sizes of `relatives` (files that do not exist are skipped) before any is read; one problem per file over. */
  precheck(relatives: string[]): Array<{ file: string; message: string }>;
  /** Reads a file as UTF-8. @throws TooLargeError over a limit; the fs error when unreadable. */
  read(relative: string): string;
  /**
   * Every file read so far, in order, with the digest of exactly the bytes parsed: what a
   * knowledge snapshot is keyed by, so it can never stand for other content than it was made of.
   */
  digests(): readonly FileDigest[];
}

/** Creates the budget of one load of `dir`. */
export function createReadBudget(dir: string, limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS): ReadBudget {
  let used = 0;
  const read: FileDigest[] = [];
  const overFile = (size: number) => `文件有 ${kb(size)},超过了每个文件 ${kb(limits.maxFileBytes)} 的上限`;
  const overTotal = (total: number) => `知识库的文件加起来有 ${kb(total)},超过了总共 ${kb(limits.maxTotalBytes)} 的上限`;
  return {
    limits,
    precheck(relatives) {
      const problems: Array<{ file: string; message: string }> = [];
      let total = 0;
      for (const relative of relatives) {
        let size: number;
        try {
          size = fs.statSync(path.join(dir, relative)).size;
        } catch {
          continue;
        }
        total += size;
        if (size > limits.maxFileBytes) problems.push({ file: relative, message: overFile(size) });
      }
      if (total > limits.maxTotalBytes) problems.push({ file: KNOWLEDGE_FOLDER, message: overTotal(total) });
      return problems;
    },
    read(relative) {
      const full = path.resolve(dir, relative);
      if (path.relative(dir, full).startsWith('..')) throw new TooLargeError(`不在知识库目录里:${relative}`);
      const fd = fs.openSync(full, 'r');
      try {
        const { size } = fs.fstatSync(fd);
        if (size > limits.maxFileBytes) throw new TooLargeError(overFile(size));
        if (used + size > limits.maxTotalBytes) throw new TooLargeError(overTotal(used + size));
        // One byte more than allowed tells a file that grew since fstat. Unfilled, not zeroed:
        // only the bytes read are ever looked at, and zeroing the limit's worth cost every file.
        const buffer = Buffer.allocUnsafe(Math.min(limits.maxFileBytes, limits.maxTotalBytes - used) + 1);
        let length = 0;
        for (let n = 1; n > 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, null);
        if (length === buffer.length) throw new TooLargeError(`读的时候文件变大了:${overFile(length)}`);
        used += length;
        read.push({ file: relative, sha256: createHash('sha256').update(buffer.subarray(0, length)).digest('hex') });
        return buffer.toString('utf8', 0, length);
      } finally {
        fs.closeSync(fd);
      }
    },
    digests: () => read,
  };
}
