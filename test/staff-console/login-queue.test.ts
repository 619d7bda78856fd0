/**
 * Staff logins wait in one queue for their password check (scrypt: a core and 32 MiB each),
 * which runs LOGIN_QUEUE.concurrent at a time, so a burst of failed logins cannot take the
 * CPU residents are answered on; beyond LOGIN_QUEUE.waiting a login is refused with 503. The
 * checks are held by a gate here, so the test asserts on order and concurrency, not on time.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../adapters/http/create-http-server.js';
import { LOGIN_QUEUE } from '../../staff-console/login-routes.js';
import { staffConsole } from '../../staff-console/staff-console.js';
import { ErrorCodes } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { eventually } from '../doubles/eventually.js';
import { BROWSER, CHEAP_SCRYPT, FORM, cookiesOf, csrfOf, form, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';

/** Password checks that wait until the test releases them, counting how many run at once. */
function gatedChecks() {
  const waiting: (() => void)[] = [];
  const gate = {
    started: 0,
    running: 0,
    maxRunning: 0,
    async verify(): Promise<boolean> {
      gate.started += 1;
      gate.running += 1;
      gate.maxRunning = Math.max(gate.maxRunning, gate.running);
      await new Promise<void>((resolve) => waiting.push(resolve));
      gate.running -= 1;
      return false;
    },
    releaseOne() {
      waiting.shift()?.();
    },
    releaseAll() {
      while (waiting.length > 0) gate.releaseOne();
    },
  };
  return gate;
}

let world: StaffWorld;
let server: HttpServer;
let gate: ReturnType<typeof gatedChecks>;

beforeAll(async () => {
  world = await startStaffWorld();
});
afterAll(() => world.close());
afterEach(async () => {
  gate.releaseAll();
  await server.stop();
});

async function serve() {
  gate = gatedChecks();
  server = createHttpServer({ config: world.app.config, logger: silentLogger(), handler: world.app.handler, readiness: () => ({}), cookieSecret: 'q'.repeat(40) });
  server.mount(staffConsole, { app: world.app, store: world.store, logger: silentLogger(), sessionMs: 3_600_000, scrypt: CHEAP_SCRYPT, loginRatePerMinute: 1_000, verifyPassword: () => gate.verify() });
  await server.fastify.ready();
}

/** A failed login from its own address (so no address lock-out), counted when it is answered. */
async function failedLogin(i: number, done: LightMyRequestResponse[]) {
  const remoteAddress = `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}`;
  const page = await server.fastify.inject({ url: '/staff/login', headers: BROWSER, remoteAddress });
  const response = await server.fastify.inject({
    method: 'POST',
    url: '/staff/login',
    remoteAddress,
    headers: { ...BROWSER, ...FORM, cookie: cookiesOf(page) },
    payload: form({ name: `guess${i}`, password: 'not the password', _csrf: csrfOf(page.body) }),
  });
  done.push(response);
  return response;
}

describe('the login queue', () => {
  it('checks passwords one at a time while residents are answered; every login gets its answer', async () => {
    await serve();
    const done: LightMyRequestResponse[] = [];
    const logins = Array.from({ length: 30 }, (_, i) => failedLogin(i, done));
    await eventually(() => gate.started >= 1);

    // A resident asks while 30 logins wait: answered before any login is.
    const resident = await server.fastify.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { 'content-type': 'application/json' },
      payload: { conversation: 'resident-during-logins', text: '法律援助在哪里申请' },
    });
    expect(resident.statusCode).toBe(200);
    expect(resident.json()).toMatchObject({ kind: 'answer', entry: 'legal-aid.where' });
    expect(done).toHaveLength(0);

    for (let released = 0; released < 30; released += 1) {
      await eventually(() => gate.started > released);
      expect(gate.running).toBeLessThanOrEqual(LOGIN_QUEUE.concurrent);
      gate.releaseOne();
    }
    const responses = await Promise.all(logins);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(30).fill(401));
    expect(gate.started).toBe(30);
    expect(gate.maxRunning).toBe(LOGIN_QUEUE.concurrent);
  });

  it('refuses logins beyond the queue with 503 and a code, checking nothing for them', async () => {
    await serve();
    const extra = 4;
    const total = LOGIN_QUEUE.concurrent + LOGIN_QUEUE.waiting + extra;
    const done: LightMyRequestResponse[] = [];
    const logins = Array.from({ length: total }, (_, i) => failedLogin(i, done));
    const refused = await eventually(() => {
      const busy = done.filter((r) => r.statusCode === 503);
      return busy.length === extra && busy;
    });
    for (const response of refused) {
      expect(response.body).toContain(ErrorCodes.STAFF_LOGIN_BUSY);
      expect(response.headers['retry-after']).toBe('10');
    }
    gate.releaseAll();
    await eventually(() => {
      gate.releaseAll();
      return done.length === total;
    });
    await Promise.all(logins);
    expect(done.filter((r) => r.statusCode === 401)).toHaveLength(total - extra);
    expect(gate.started).toBe(total - extra);
  });
});
