/**
 * Records the database could not take, kept on disk so they are written at least once: at
 * stop (what is still queued) and while the queue is full (what no longer fits), records go
 * to an append-only file of this process in `DATA_DIR/unwritten/`, one JSON line each (the
 * record as it would be stored, already masked, with its id). A later start (or this process
 * once the database takes writes again) claims the files of processes that are gone by
 * renaming them, writes their records in chunks and removes a file only when every record of
 * it is written; a crash in between leaves the file to be replayed again, and the record ids
 * make that harmless. Several instances may share the folder: a rename claims a file for one
 * of them, and a file whose process still runs is left alone.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { ErrorCodes } from '../../errors.js';
import { ensureDir } from '../../fs/ensure-dir.js';
import type { Logger } from '../../logger.js';
import { parseQueuedRecord, type QueuedRecord } from './queued-record.js';

/** The folder of spill files inside the data directory. */
export const SPILL_DIR = 'unwritten';

export interface SpillOptions {
  /** The data directory; files go to its `unwritten/` folder. */
  dataDir: string;
  logger: Logger;
  /** Whether a process still runs (replaced by tests). */
  alive?: (pid: number) => boolean;
}

export interface Spill {
  /** Appends records to this process's file in the background; never throws (a failed append counts as lost). */
  append(items: readonly QueuedRecord[]): void;
  /** Records on disk in this process's files since start. */
  readonly spilled: number;
  /** Records that could be neither written nor spilled, or were unreadable in a file replayed. */
  readonly lost: number;
  /** True when files may wait to be replayed. */
  pending(): boolean;
  /**
   * Writes the records of every file this process may claim through `write`, `chunk` at a
   * time, removing each file once all of it is written. @throws write's error (the file stays).
   */
  replay(write: (items: QueuedRecord[]) => Promise<void>, chunk: number): Promise<void>;
  /** Waits until what was appended is on disk (fsync) and closes the file; resolves to the records lost. */
  close(): Promise<number>;
}

/** `<pid>-<token>-<n>.jsonl` while a process appends; `.replay` once claimed. */
const NAME = /^(\d+)-([0-9a-f]+)-(\d+)\.(jsonl|replay)$/;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens this process's spill folder; nothing is created until the first record is spilled. */
export function openSpill(options: SpillOptions): Spill {
  const { logger } = options;
  const dir = path.join(options.dataDir, SPILL_DIR);
  const alive = options.alive ?? running;
  const token = randomBytes(6).toString('hex');
  const own = (n: number, ext: 'jsonl' | 'replay') => `${process.pid}-${token}-${n}.${ext}`;
  let file = 0;
  let claimed = 0;
  let handle: FileHandle | undefined;
  let buffer: QueuedRecord[] = [];
  let chain: Promise<void> = Promise.resolve();
  let draining = false;
  let spilled = 0;
  let lost = 0;
  let maybePending = fs.existsSync(dir);

  const lose = (count: number, error: unknown, what: string) => {
    lost += count;
    logger.error({ code: ErrorCodes.STORE_RECORDS_LOST, lost: count, dir, err: error }, `${count} record(s) lost: ${what}`);
  };

  async function drain(): Promise<void> {
    while (buffer.length > 0) {
      const batch = buffer;
      buffer = [];
      try {
        if (!handle) {
          // Not mkdir's recursive option: on Node 20 it can spin for ever (see ensure-dir.ts).
          ensureDir(dir);
          handle = await fs.promises.open(path.join(dir, own(file, 'jsonl')), 'a', 0o600);
        }
        await handle.appendFile(batch.map((item) => `${JSON.stringify(item)}\n`).join(''));
        spilled += batch.length;
        maybePending = true;
      } catch (error) {
        lose(batch.length, error, 'the database could not take them and the spill file could not be written either');
        // A line cut short must not run into the next one: go on in a new file.
        await handle?.close().catch(() => undefined);
        handle = undefined;
        file += 1;
      }
    }
    draining = false;
  }

  /** Closes the file being appended, so it can be claimed; the next record starts a new one. */
  const rotate = () =>
    (chain = chain.then(async () => {
      if (!handle) return;
      await handle.close().catch(() => undefined);
      handle = undefined;
      file += 1;
    }));

  /** Renames the files this process may replay to names of its own; their names. */
  function claim(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      return [];
    }
    const mine: string[] = [];
    for (const name of names.sort()) {
      const parts = NAME.exec(name);
      if (!parts) continue;
      const [, pid, owner, n, ext] = parts;
      const ours = owner === token;
      if (ours && ext === 'replay') {
        mine.push(name);
        continue;
      }
      if (ours ? Number(n) === file && handle !== undefined : Number(pid) !== process.pid && alive(Number(pid))) continue;
      const to = own(1_000_000 + claimed++, 'replay');
      try {
        fs.renameSync(path.join(dir, name), path.join(dir, to));
        mine.push(to);
      } catch {
        // Claimed by another instance first, or gone: not ours to replay.
      }
    }
    return mine;
  }

  async function replayFile(name: string, write: (items: QueuedRecord[]) => Promise<void>, chunk: number): Promise<void> {
    const where = path.join(dir, name);
    const lines = readline.createInterface({ input: fs.createReadStream(where, { encoding: 'utf8' }), crlfDelay: Infinity });
    let items: QueuedRecord[] = [];
    let unreadable = 0;
    let written = 0;
    try {
      for await (const line of lines) {
        if (line.trim() === '') continue;
        const item = parseQueuedRecord(line);
        if (!item) {
          unreadable += 1;
          continue;
        }
        items.push(item);
        if (items.length >= chunk) {
          await write(items);
          written += items.length;
          items = [];
        }
      }
      if (items.length > 0) await write(items);
      written += items.length;
    } finally {
      lines.close();
    }
    if (unreadable > 0) lose(unreadable, undefined, `unreadable lines in the spill file ${name} (cut short by a crash, or damaged)`);
    fs.rmSync(where, { force: true });
    logger.info({ file: name, written }, 'records kept in a spill file written to the store');
  }

  return {
    append(items) {
      if (items.length === 0) return;
      buffer.push(...items);
      maybePending = true;
      if (draining) return;
      draining = true;
      chain = chain.then(drain);
    },
    get spilled() {
      return spilled;
    },
    get lost() {
      return lost;
    },
    pending: () => maybePending,
    async replay(write, chunk) {
      await rotate();
      for (const name of claim()) await replayFile(name, write, chunk);
      maybePending = false;
    },
    async close() {
      await chain;
      if (handle) {
        const closing = handle;
        handle = undefined;
        await closing.sync().catch((error: unknown) => logger.warn({ code: ErrorCodes.STORE_FAILED, err: error, dir }, 'spill file not synced'));
        await closing.close().catch(() => undefined);
      }
      return lost;
    },
  };
}
