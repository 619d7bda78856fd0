/**
 * The shared store contract on a real PostgreSQL server (started for this file): a database
 * per place; an outage is the database refusing connections (and the open ones ended).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openDeploymentSalt } from '../../../../src/service/store/deployment-salt.js';
import { openStoreReader } from '../../../../src/service/store/open-store-reader.js';
import { migratePostgres as runMigrations } from '../../../../src/service/store/migration-runner.js';
import { migratePostgres } from '../../../../src/service/store/postgres/migrations.js';
import { createPool } from '../../../../src/service/store/postgres/pool.js';
import { openPostgresStore } from '../../../../src/service/store/postgres/postgres-store.js';
import { migratePostgresStaff, openPostgresStaffStore } from '../../../../src/service/staff/postgres-staff-store.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { describeStaffStoreContract } from '../staff/staff-store-contract.js';
import { missingServers, startPostgres, type PostgresServer } from '../../../doubles/real-servers.js';
import { describeStoreContract, type StoreHarness } from './store-contract.js';

const missing = missingServers();
if (missing) process.stderr.write(`postgres store contract skipped: ${missing}\n`);

let server: PostgresServer | undefined;
let count = 0;
beforeAll(async () => {
  if (!missing) server = await startPostgres();
}, 60_000);
const dirs: string[] = [];
afterAll(async () => {
  await server?.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const harness: StoreHarness = {
  async place() {
    if (!server) throw new Error('no server');
    const pg = server;
    count += 1;
    const name = `contract_${count}`;
    const url = await pg.createDatabase(name);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-pg-contract-'));
    dirs.push(dataDir);
    return {
      dataDir,
      async open(options = {}) {
        const logger = (options.log ?? createLogSink()).logger;
        const pool = createPool({ url, logger, connectTimeoutMs: 1_000 });
        // As openDeployment does: migrate, then the salt every instance agrees on.
        await migratePostgres(pool);
        const deployment = await openDeploymentSalt({ local: randomBytes(16).toString('hex'), postgres: pool, migrated: true, logger });
        deployment.close();
        return openPostgresStore({ pool, logger, salt: deployment.value ?? '', database: name, dataDir, ...options });
      },
      reader: () => openStoreReader({ dataDir: '/nonexistent', database: { url } }),
      async break() {
        await pg.admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
        await pg.admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      },
      async heal() {
        await pg.admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
      },
    };
  },
};

describe.skipIf(missing !== undefined)(missing ?? 'postgres', () => {
  describeStoreContract('postgres', () => harness);
  // The staff console's store, on the same server.
  describeStaffStoreContract('postgres', async () => {
    if (!server) throw new Error('no server');
    count += 1;
    const pool = createPool({ url: await server.createDatabase(`staff_${count}`), logger: createLogSink().logger });
    await migratePostgresStaff(pool);
    await migratePostgresStaff(pool);
    return openPostgresStaffStore(pool, `staff_${count}`);
  });
  // The one migration runner's PostgreSQL side (its SQLite side: migration-runner.test.ts).
  it('migrates once under its lock, leaves nothing of a failed run, and refuses a newer database', async () => {
    if (!server) throw new Error('no server');
    count += 1;
    const pool = createPool({ url: await server.createDatabase(`runner_${count}`), logger: createLogSink().logger });
    const schema = { name: 'test', migrations: ['CREATE TABLE a (x INTEGER);', 'CREATE TABLE b (y INTEGER);'], versionIn: { table: 'versions' }, lock: 0x7465 };
    const tables = async () => (await pool.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows.map((r) => r.name);
    try {
      await expect(runMigrations(pool, { ...schema, migrations: [...schema.migrations, 'CREATE TABLE a (z INTEGER);'] })).rejects.toThrow(/already exists/);
      expect(await tables()).toEqual([]);
      expect(await Promise.all([runMigrations(pool, schema), runMigrations(pool, schema)])).toEqual(expect.arrayContaining([2, 0]));
      expect((await pool.query('SELECT version FROM versions')).rows).toEqual([{ version: 2 }]);
      await expect(runMigrations(pool, { ...schema, migrations: schema.migrations.slice(0, 1) })).rejects.toThrow('test schema version 2 is newer than this bot (1)');
      expect(await tables()).toEqual(['a', 'b', 'versions']);
    } finally {
      await pool.end();
    }
  });
});
