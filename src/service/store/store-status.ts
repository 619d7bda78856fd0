/**
 * The store's state as `stats` (a process of its own) can see it: what a running bot wrote
 * to store-health.json, and whether the data directory's disk is nearly full.
 */
import fs from 'node:fs';
import { readHealthFile, type HealthReport } from './store-health.js';

/** Below this much free space the store is reported degraded. */
export const LOW_DISK_BYTES = 16 * 1024 * 1024;

export interface StoreStatus {
  state: 'ok' | 'degraded';
  /** Why it is degraded, one line each, in Chinese for staff. */
  reasons: string[];
  /** The running bot's report, when one is running and wrote it. */
  health?: HealthReport;
  freeBytes?: number;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const localTime = (at: number) => new Date(at).toLocaleString('zh-CN', { hour12: false });

/** Reads the status of the store in `dataDir`; never throws. */
export function storeStatus(dataDir: string): StoreStatus {
  const reasons: string[] = [];
  const file = readHealthFile(dataDir);
  // A report from a bot that has since stopped says nothing about now.
  const health = file && isRunning(file.pid) ? file : undefined;
  if (health?.state === 'degraded') {
    const since = health.since === undefined ? '' : `,自 ${localTime(health.since)} 起`;
    reasons.push(
      `运行中的机器人(进程 ${health.pid})写不进数据库[${health.lastError?.code ?? '?'}]${since};内存中等待写入 ${health.queued} 条,已丢弃 ${health.dropped} 条`,
    );
  }
  let freeBytes: number | undefined;
  try {
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') reasons.push(`数据目录不可写[${code ?? '?'}],机器人无法记录`);
  }
  try {
    const stats = fs.statfsSync(dataDir);
    freeBytes = stats.bavail * stats.bsize;
    if (freeBytes < LOW_DISK_BYTES) reasons.push(`数据目录所在磁盘只剩 ${Math.floor(freeBytes / 1024)} KB`);
  } catch {
    // No data directory yet: nothing recorded, nothing degraded.
  }
  return { state: reasons.length > 0 ? 'degraded' : 'ok', reasons, ...(health ? { health } : {}), ...(freeBytes === undefined ? {} : { freeBytes }) };
}
