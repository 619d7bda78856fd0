import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, openStoreDatabase } from '../../../src/store/sqlite-store.js';
import { createLogSink } from '../../doubles/log-sink.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-health-'));
  dirs.push(dir);
  return dir;
};

describe('store health (readiness)', () => {
  it('is writable once the database opens, and not after a failure until a write succeeds', () => {
    let broken = true;
    const store = openSqliteStore({
      dataDir: tempDir(),
      logger: createLogSink().logger,
      retryMs: 0,
      openDatabase: (dir) => {
        if (broken) throw Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' });
        return openStoreDatabase(dir);
      },
    });
    expect(store.health()).toEqual({ writable: false, failures: 1 });
    broken = false;
    store.recordMessage({ at: 1, adapter: 'web', conversation: 'h', kind: 'answer', latencyMs: 1 });
    expect(store.flush()).toBe(true);
    expect(store.health()).toEqual({ writable: true, failures: 1 });
    store.close();
    expect(store.health().writable).toBe(false);
  });
});
