/**
 * The staff store's contract in memory and in SQLite (PostgreSQL: the postgres store contract
 * file, which has the server); the SQLite one keeps its tables beside the message store's,
 * migrating on its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import { silentLogger } from '../../../../src/logger.js';
import { openSqliteStaffStore } from '../../../../src/service/staff/sqlite-staff-store.js';
import { STAFF_MIGRATIONS } from '../../../../src/service/staff/staff-migrations.js';
import { createMemoryStaffStore } from '../../../../src/service/staff/staff-store.js';
import { describeStaffStoreContract } from './staff-store-contract.js';
import { STORE_FILE, openSqliteStore } from '../../../../src/service/store/sqlite-store.js';
import { MIGRATIONS, schemaVersion } from '../../../../src/service/store/migrations.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-staff-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const T = 1_700_000_000_000;

describeStaffStoreContract('memory', () => createMemoryStaffStore());
describeStaffStoreContract('sqlite', () => openSqliteStaffStore(tempDir()));

describe('sqlite staff store', () => {
  it('lives in the message store’s database with migrations of its own, in either order', async () => {
    const dir = tempDir();
    const staff = openSqliteStaffStore(dir);
    const messages = openSqliteStore({ dataDir: dir, logger: silentLogger() });
    messages.recordMessage({ at: T, adapter: 'web', conversation: 'c', kind: 'answer', latencyMs: 1 });
    expect(await messages.flush()).toBe(true);
    await staff.audit({ at: T, actor: 'x', action: 'login' });
    await messages.close();
    staff.close();
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT version FROM staff_schema').get()).toEqual({ version: STAFF_MIGRATIONS.length });
    db.close();
    const again = openSqliteStaffStore(dir);
    expect(await again.auditLog({ limit: 5 })).toHaveLength(1);
    again.close();
  });

  it('says in Chinese, with QLB_STAFF_STORE_FAILED, when the database cannot be opened', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, STORE_FILE));
    expect(() => openSqliteStaffStore(dir)).toThrow(expect.objectContaining({ code: ErrorCodes.STAFF_STORE_FAILED, message: expect.stringMatching(/^工作人员账号库无法读写/) }));
  });
});
