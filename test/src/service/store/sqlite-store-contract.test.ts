/**
 * The shared store contract on SQLite: a data directory per place; an outage is another
 * connection holding the write lock.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openStoreReader } from '../../../../src/service/store/open-store-reader.js';
import { openSqliteStore, STORE_FILE } from '../../../../src/service/store/sqlite-store.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { describeStoreContract, type StoreHarness } from './store-contract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const harness: StoreHarness = {
  async place() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-contract-'));
    dirs.push(dataDir);
    let locker: Database.Database | undefined;
    return {
      dataDir,
      open: async (options = {}) => openSqliteStore({ dataDir, logger: (options.log ?? createLogSink()).logger, ...options }),
      reader: () => openStoreReader({ dataDir, database: undefined }),
      async break() {
        locker = new Database(path.join(dataDir, STORE_FILE));
        locker.exec('BEGIN EXCLUSIVE');
      },
      async heal() {
        locker?.exec('COMMIT');
        locker?.close();
        locker = undefined;
      },
    };
  },
};

describeStoreContract('sqlite', () => harness);
