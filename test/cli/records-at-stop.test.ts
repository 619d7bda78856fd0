/**
 * Records are written at least once (issue 28, item 7), against a real PostgreSQL started for
 * this file: `serve` stopped during a database outage keeps the answered messages' records in
 * its spill file and exits 0; started again with the database up it writes every one of them,
 * once. When the spill file cannot be written either, the records are lost: the stop says so
 * with QLB_STORE_RECORDS_LOST and exits non-zero.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { SPILL_DIR } from '../../src/service/store/spill-file.js';
import { eventually } from '../doubles/eventually.js';
import { missingServers, startPostgres, type PostgresServer } from '../doubles/real-servers.js';
import { startServe } from '../doubles/serve-instance.js';

const missing = missingServers();
if (missing) process.stderr.write(`records-at-stop tests skipped: ${missing}\n`);

let postgres: PostgresServer;
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-records-'));
  dirs.push(dir);
  return dir;
};

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The database refuses connections and the open ones are ended: an outage, as the store sees one. */
const outage = (name: string) =>
  postgres
    .admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`)
    .then(() => postgres.admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`));
const recover = (name: string) => postgres.admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);

const spilledLines = (dataDir: string) => {
  const dir = path.join(dataDir, SPILL_DIR);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  return fs.readdirSync(dir).flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n').filter(Boolean));
};

describe.skipIf(missing !== undefined)(missing ?? 'records at stop during a PostgreSQL outage', () => {
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stopped during the outage: exit 0 with every record spilled; the next start writes each one once', async () => {
    const name = 'records_spilled';
    const url = await postgres.createDatabase(name);
    const env = { DATABASE_URL: url, DATA_DIR: tempDir(), HTTP_RATE_PER_MINUTE: '0', RATE_LIMIT_PER_MINUTE: '0', KNOWLEDGE_WATCH: 'off' };
    const first = await startServe(env);
    for (let i = 0; i < 3; i += 1) expect((await first.ask(`before-${i}`, '法律援助在哪里申请')).kind).toBe('answer');
    await outage(name);
    for (let i = 0; i < 12; i += 1) expect((await first.ask(`during-${i}`, '工资被拖欠找谁')).text).not.toBe('');
    expect(await first.stop()).toBe(0);
    expect(first.logs()).toContain(ErrorCodes.STORE_RECORDS_SPILLED);
    expect(first.logs()).not.toContain(ErrorCodes.STORE_RECORDS_LOST);
    const kept = spilledLines(env.DATA_DIR);
    // What was not written before the outage (all 15 when the timer had not run yet), never a record twice.
    expect(kept.length).toBeGreaterThanOrEqual(12);
    expect(new Set(kept.map((line) => (JSON.parse(line) as { uid: string }).uid)).size).toBe(kept.length);
    expect(kept.join('\n')).not.toContain('during-');

    await recover(name);
    const second = await startServe(env);
    const counted = async () => (await query<{ rows: number; ids: number }>(url, 'SELECT count(*)::int AS rows, count(DISTINCT uid)::int AS ids FROM messages'))[0];
    await eventually(async () => (await counted())?.rows === 15, 20_000);
    expect(await counted()).toEqual({ rows: 15, ids: 15 });
    await eventually(() => spilledLines(env.DATA_DIR).length === 0);
    expect(await second.stop()).toBe(0);
    expect(await counted()).toEqual({ rows: 15, ids: 15 });
  }, 60_000);

  it('stopped during the outage with nowhere to spill: QLB_STORE_RECORDS_LOST and a non-zero exit', async () => {
    const name = 'records_lost';
    const url = await postgres.createDatabase(name);
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, SPILL_DIR), 'a file where the spill folder would go');
    const bot = await startServe({ DATABASE_URL: url, DATA_DIR: dataDir, HTTP_RATE_PER_MINUTE: '0', KNOWLEDGE_WATCH: 'off' });
    await outage(name);
    for (let i = 0; i < 4; i += 1) expect((await bot.ask(`lost-conversation-${i}`, '法律援助在哪里申请')).kind).toBe('answer');
    expect(await bot.stop()).toBe(1);
    const lost = bot
      .logs()
      .split('\n')
      .filter((line) => line.includes(ErrorCodes.STORE_RECORDS_LOST))
      .map((line) => JSON.parse(line) as { level: number; lost: number });
    expect(lost.at(-1)).toMatchObject({ level: 50, lost: 4 });
    await recover(name);
  }, 60_000);
});
