/**
 * `serve` started while its PostgreSQL refuses connections (issue 28, item 8), against a real
 * server started for this file: residents are answered, `/staff` is there (never 404) and says
 * in Chinese that the console is unavailable (503), and it serves once the database is back,
 * without a restart.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { tempDataDir } from '../doubles/cli.js';
import { eventually } from '../doubles/eventually.js';
import { missingServers, startPostgres, type PostgresServer } from '../doubles/real-servers.js';
import { startServe } from '../doubles/serve-instance.js';

const missing = missingServers();
if (missing) process.stderr.write(`staff-store-outage tests skipped: ${missing}\n`);

let postgres: PostgresServer;
const dataDir = tempDataDir('qlb-staff-outage-');

describe.skipIf(missing !== undefined)(missing ?? 'the staff console when PostgreSQL is down at start', () => {
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('503 in Chinese while the database refuses, then the login page once it is back', async () => {
    const url = await postgres.createDatabase('staff_outage');
    await postgres.admin('ALTER DATABASE staff_outage WITH ALLOW_CONNECTIONS false');
    const bot = await startServe({ DATABASE_URL: url, DATA_DIR: dataDir, HTTP_RATE_PER_MINUTE: '0', KNOWLEDGE_WATCH: 'off' });
    try {
      expect(bot.logs()).toContain(ErrorCodes.STAFF_STORE_FAILED);
      expect((await bot.ask('resident-during-outage', '法律援助在哪里申请')).kind).toBe('answer');
      const page = await fetch(`${bot.address}staff/login`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('工作人员后台暂时无法使用');
      const api = await fetch(`${bot.address}staff/review`);
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({ error: { code: ErrorCodes.STAFF_STORE_FAILED } });

      await postgres.admin('ALTER DATABASE staff_outage WITH ALLOW_CONNECTIONS true');
      const back = await eventually(async () => {
        const response = await fetch(`${bot.address}staff/login`, { headers: { accept: 'text/html' } });
        return response.status === 200 ? response.text() : undefined;
      }, 20_000, 250);
      expect(back).toContain('登录');
    } finally {
      await bot.stop();
    }
  }, 60_000);
});
