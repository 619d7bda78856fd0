/**
 * How the message store is doing, for `stats` and a future `/readyz`: `ok`, or `degraded`
 * with the error code and since when, how many records wait and how many were dropped.
 * A running bot also writes it to DATA_DIR/store-health.json when the state changes, so that
 * `stats` (another process) can report it; that file is best effort (a full disk may refuse it).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The store's state as seen by the process that writes to it. */
export interface StoreHealth {
  state: 'ok' | 'degraded' | 'closed';
  /** False while degraded or closed (the shape main's /readyz reads). */
  writable: boolean;
  /** Failed opens, writes and purges since the store was created. */
  failures: number;
  /** Records waiting in memory for the database. */
  queued: number;
  /** Records lost since start: the queue was full and they could not be spilled either (or, once closed, left unwritten). */
  dropped: number;
  /** Records kept in the spill file since start, to be written by a later start (see store/spill-file.ts). */
  spilled?: number;
  /** Records written since start. */
  written: number;
  /** When the store started failing (ms since the epoch), while degraded. */
  since?: number;
  /** The last failure: SQLite or system error code (SQLITE_BUSY, SQLITE_FULL, EACCES…) and message. */
  lastError?: { code: string; message: string; at: number };
}

/** The file a running bot keeps its store health in. */
export const HEALTH_FILE = 'store-health.json';

/** What `stats` reads: the health and which process wrote it when. */
export interface HealthReport extends StoreHealth {
  pid: number;
  updatedAt: number;
}

/** Writes the health file (atomically); returns false when it could not. */
export function writeHealthFile(dataDir: string, health: StoreHealth, now: number): boolean {
  const file = path.join(dataDir, HEALTH_FILE);
  try {
    const report: HealthReport = { ...health, pid: process.pid, updatedAt: now };
    fs.writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(report)}\n`);
    fs.renameSync(`${file}.${process.pid}.tmp`, file);
    return true;
  } catch {
    return false;
  }
}

/** Reads the health file; undefined when there is none or it cannot be read. */
export function readHealthFile(dataDir: string): HealthReport | undefined {
  try {
    const report = JSON.parse(fs.readFileSync(path.join(dataDir, HEALTH_FILE), 'utf8')) as HealthReport;
    return typeof report?.state === 'string' && typeof report.updatedAt === 'number' ? report : undefined;
  } catch {
    return undefined;
  }
}

/** The code of an error thrown by SQLite or the file system, or its name. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : ((error as Error | undefined)?.name ?? 'UNKNOWN');
}
