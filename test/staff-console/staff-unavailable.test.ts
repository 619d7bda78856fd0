/**
 * The staff console while its store cannot be used (issue 28, items 8 and 9): mounted all the
 * same, it answers 503 with a page in Chinese for a browser and the JSON error shape for
 * anything else, and serves again once the store does, without a restart; whether the store
 * could not be opened at start or fails later. Something unexpected is a 500 page for a
 * browser, never a bare JSON body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BotError, ErrorCodes } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { recoveringStaffStore } from '../../src/service/staff/recovering-staff-store.js';
import { openSqliteStaffStore } from '../../src/service/staff/sqlite-staff-store.js';
import type { StaffStore } from '../../src/service/staff/staff-store.js';
import { BROWSER, login, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';
import { clockReading } from '../doubles/manual-clock.js';

const JSON_CLIENT = { accept: 'application/json' };
let world: StaffWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const storeDown = () => new BotError(ErrorCodes.STAFF_STORE_FAILED, '工作人员账号库无法读写(PostgreSQL 10.0.0.6:5432/legal_bot):请检查数据库。[57P03]');

/** A 503 of the console: a Chinese page for a browser (no detail of the database), JSON otherwise. */
async function expectUnavailable(get: (headers: Record<string, string>) => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>) {
  const page = await get(BROWSER);
  expect(page.statusCode).toBe(503);
  expect(page.headers['content-type']).toMatch(/^text\/html/);
  expect(page.headers['retry-after']).toBe('30');
  expect(page.body).toContain('工作人员后台暂时无法使用');
  expect(page.body).toContain('无需重启');
  expect(page.body).toContain(ErrorCodes.STAFF_STORE_FAILED);
  expect(page.body).not.toContain('10.0.0.6');
  const api = await get(JSON_CLIENT);
  expect(api.statusCode).toBe(503);
  expect(JSON.parse(api.body)).toEqual({ error: { code: ErrorCodes.STAFF_STORE_FAILED, message: expect.stringContaining('无需重启') } });
}

describe('staff console with a store that cannot be used', () => {
  it('a store that cannot be opened at start: /staff is there, 503 in Chinese, and serves once the store opens', async () => {
    let clock = 1_000_000;
    let opens = 0;
    let up = false;
    world = await startStaffWorld({}, {
      staffStore: (dataDir) =>
        recoveringStaffStore(
          async () => {
            opens += 1;
            if (!up) throw storeDown();
            return openSqliteStaffStore(dataDir);
          },
          { logger: silentLogger(), retryMs: 5_000, clock: clockReading(() => clock) },
        ),
    });
    const { fastify } = world.server;
    for (const url of ['/staff/review', '/staff/login', '/staff/knowledge']) {
      await expectUnavailable((headers) => fastify.inject({ url, headers }));
    }
    // The style sheet of the page needs no store.
    expect((await fastify.inject({ url: '/staff/static/staff.css' })).statusCode).toBe(200);
    // Not one attempt per request: once per pause.
    expect(opens).toBe(1);

    up = true;
    await expectUnavailable((headers) => fastify.inject({ url: '/staff/review', headers }));
    clock += 5_000;
    const back = await fastify.inject({ url: '/staff/review', headers: BROWSER });
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toMatch(/^\/staff\/login/);
    await world.addAccount('王芳');
    const { cookie } = await login(world, '王芳');
    expect((await fastify.inject({ url: '/staff/review', headers: { ...BROWSER, cookie } })).statusCode).toBe(200);
    expect(opens).toBe(2);
  });

  it('a store that fails later (the database goes away): 503 page, not a bare JSON 500; back when it is', async () => {
    let down = false;
    world = await startStaffWorld({}, {
      staffStore: (dataDir) => {
        const real = openSqliteStaffStore(dataDir);
        const failing = (name: keyof StaffStore) => async (...args: unknown[]) => {
          if (down) throw storeDown();
          return (real[name] as (...a: unknown[]) => unknown)(...args);
        };
        return { ...real, getSession: failing('getSession'), getAccount: failing('getAccount'), auditLog: failing('auditLog') } as StaffStore;
      },
    });
    await world.addAccount('王芳');
    const { cookie } = await login(world, '王芳');
    const { fastify } = world.server;
    down = true;
    await expectUnavailable((headers) => fastify.inject({ url: '/staff/audit', headers: { ...headers, cookie } }));
    down = false;
    const audit = await fastify.inject({ url: '/staff/audit', headers: { ...BROWSER, cookie } });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('审计');
  });

  it('something unexpected in a staff page: a 500 page in Chinese for a browser, JSON for a script, the cause only in the log', async () => {
    world = await startStaffWorld({}, {
      staffStore: (dataDir) => {
        const real = openSqliteStaffStore(dataDir);
        return { ...real, auditLog: async () => Promise.reject(new TypeError('secret cause: cannot read properties of undefined')) };
      },
    });
    await world.addAccount('王芳');
    const { cookie } = await login(world, '王芳');
    const { fastify } = world.server;
    const page = await fastify.inject({ url: '/staff/audit', headers: { ...BROWSER, cookie } });
    expect(page.statusCode).toBe(500);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('意外错误');
    expect(page.body).not.toContain('secret cause');
    const api = await fastify.inject({ url: '/staff/audit', headers: { ...JSON_CLIENT, cookie } });
    expect(api.statusCode).toBe(500);
    expect(JSON.parse(api.body)).toEqual({ error: { code: ErrorCodes.HTTP_INTERNAL, message: expect.any(String) } });
    expect(api.body).not.toContain('secret cause');
  });
});
