/**
 * The staff console's gate, through fastify inject against the real console: every route
 * refuses anonymous requests; logging in needs the login form's token; sessions end at
 * logout, when idle, when too old, with a new password; every change needs the CSRF token
 * and this site as its origin; repeated failures lock a name and an address.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { LOCKOUT } from '../../staff-console/login-routes.js';
import { createHttpServer } from '../../adapters/http/create-http-server.js';
import { staffConsole } from '../../staff-console/staff-console.js';
import { silentLogger } from '../../src/logger.js';
import { createMemoryStaffStore } from '../../src/service/staff/staff-store.js';
import { DAY_MS } from '../../src/service/time/durations.js';
import { BROWSER, CHEAP_SCRYPT, FORM, cookiesOf, csrfOf, form, login, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';

let world: StaffWorld;
const inject = (options: InjectOptions) => world.server.fastify.inject(options);

beforeAll(async () => {
  // Behind a proxy on this host (inject's address): X-Forwarded-For gives the address, X-Forwarded-Proto the scheme.
  world = await startStaffWorld({ HTTP_TRUST_PROXY: '127.0.0.1' });
  await world.addAccount('王芳');
  await world.addAccount('li.wei');
});
afterAll(() => world.close());

const PAGES = ['/staff', '/staff/try?q=x', '/staff/review', '/staff/review.csv', '/staff/review/add?q=x', '/staff/stats', '/staff/knowledge', '/staff/knowledge/legal-aid', '/staff/knowledge/check', '/staff/audit'];
const CHANGES = ['/staff/review/add', '/staff/review/dismiss', '/staff/knowledge/reload', '/staff/logout'];

describe('anonymous requests', () => {
  it('are refused on every page: a browser goes to the login page, anything else gets 401 with a code', async () => {
    for (const url of PAGES) {
      const page = await inject({ url, headers: BROWSER });
      expect(page.statusCode, url).toBe(303);
      expect(page.headers.location).toMatch(/^\/staff\/login\?next=%2Fstaff/);
      const api = await inject({ url });
      expect(api.statusCode, url).toBe(401);
      expect(api.json()).toEqual({ error: { code: ErrorCodes.STAFF_LOGIN_REQUIRED, message: expect.stringMatching(/^请先登录/) } });
    }
  });

  it('cannot change anything, with or without a token', async () => {
    for (const url of CHANGES) {
      const response = await inject({ method: 'POST', url, headers: { ...BROWSER, ...FORM }, payload: form({ _csrf: 'guess', entry: 'notary.where', q: 'x' }) });
      expect(response.statusCode, url).toBe(401);
      expect(response.body).toContain(ErrorCodes.STAFF_LOGIN_REQUIRED);
    }
  });

  it('a forged session cookie is no session', async () => {
    const response = await inject({ url: '/staff/review', headers: { cookie: 'qlb_staff=forged.c2lnbmF0dXJl' } });
    expect(response.statusCode).toBe(401);
  });
});

describe('logging in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie for /staff, Secure only over HTTPS, and records the login', async () => {
    const { response } = await login(world, '王芳');
    expect(response.headers.location).toBe('/staff/review');
    const cookie = response.cookies.find((c) => c.name === 'qlb_staff');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/staff' });
    expect(cookie?.secure).toBeFalsy();
    expect((await world.store.auditLog({ limit: 1 }))[0]).toMatchObject({ actor: '王芳', action: 'login' });
    const https = await login(world, '王芳', undefined, { 'x-forwarded-proto': 'https' });
    expect(https.response.cookies.find((c) => c.name === 'qlb_staff')?.secure).toBe(true);
  });

  it('refuses a login post without the login form’s token, or from another site', async () => {
    const page = await inject({ url: '/staff/login', headers: BROWSER });
    const token = csrfOf(page.body);
    const post = (headers: Record<string, string>, fields: Record<string, string>) =>
      inject({ method: 'POST', url: '/staff/login', headers: { ...BROWSER, ...FORM, ...headers }, payload: form({ name: '王芳', password: 'correct horse 42', ...fields }) });
    expect((await post({}, { _csrf: token })).statusCode).toBe(403);
    expect((await post({ cookie: cookiesOf(page) }, { _csrf: 'other' })).statusCode).toBe(403);
    expect((await post({ cookie: cookiesOf(page), origin: 'https://evil.example' }, { _csrf: token })).statusCode).toBe(403);
    expect((await post({ cookie: cookiesOf(page) }, { _csrf: token })).statusCode).toBe(303);
  });

  it('says only that the name or password is wrong, for an unknown name too', async () => {
    for (const name of ['王芳', 'nobody']) {
      const { response } = await login(world, name, 'wrong password!');
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain(`账号名或密码不对 (${ErrorCodes.STAFF_LOGIN_FAILED})`);
    }
  });
});

describe('sessions', () => {
  it('end at logout: the old cookie no longer works', async () => {
    const { cookie, csrf } = await login(world, 'li.wei');
    const out = await inject({ method: 'POST', url: '/staff/logout', headers: { ...BROWSER, ...FORM, cookie }, payload: form({ _csrf: csrf }) });
    expect(out.statusCode).toBe(303);
    expect((await inject({ url: '/staff/audit', headers: { cookie } })).statusCode).toBe(401);
  });

  it('end after 30 idle minutes and after STAFF_SESSION_HOURS however busy', async () => {
    
    try {
      const idle = await login(world, 'li.wei');
      world.clock.offset += 29 * 60_000;
      expect((await inject({ url: '/staff/audit', headers: { cookie: idle.cookie } })).statusCode).toBe(200);
      world.clock.offset += 31 * 60_000;
      expect((await inject({ url: '/staff/audit', headers: { cookie: idle.cookie } })).statusCode).toBe(401);
      const busy = await login(world, 'li.wei');
      for (let minutes = 25; minutes < 8 * 60; minutes += 25) {
        world.clock.offset += 25 * 60_000;
        expect((await inject({ url: '/staff/audit', headers: { cookie: busy.cookie } })).statusCode, `${minutes} min`).toBe(200);
      }
      world.clock.offset += 25 * 60_000;
      expect((await inject({ url: '/staff/audit', headers: { cookie: busy.cookie } })).statusCode).toBe(401);
    } finally {
      world.clock.offset = 0;
    }
  });

  it('end when the account gets a new password or is removed', async () => {
    await world.addAccount('temp');
    const { cookie } = await login(world, 'temp');
    await world.store.setPassword('temp', 'x', Date.now() + world.clock.offset + 1);
    expect((await inject({ url: '/staff/audit', headers: { cookie } })).statusCode).toBe(401);
    await world.store.removeAccount('temp');
  });
});

describe('changes', () => {
  it('need the session’s CSRF token and this site as origin', async () => {
    const { cookie, csrf } = await login(world, '王芳');
    const dismiss = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      inject({ method: 'POST', url: '/staff/review/dismiss', headers: { ...FORM, cookie, ...headers }, payload: form({ type: 'unanswered', key: 'k', ...fields }) });
    for (const [fields, headers] of [
      [{}, {}],
      [{ _csrf: 'wrong' }, {}],
      [{ _csrf: csrf }, { origin: 'https://evil.example' }],
      [{ _csrf: csrf }, { 'sec-fetch-site': 'cross-site' }],
    ] as Array<[Record<string, string>, Record<string, string>]>) {
      const refused = await dismiss(fields, headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe(ErrorCodes.STAFF_CSRF_INVALID);
    }
    expect((await dismiss({ _csrf: csrf }, { origin: 'http://localhost:80' })).statusCode).toBe(303);
    const header = await inject({ method: 'POST', url: '/staff/knowledge/reload', headers: { cookie, 'x-csrf-token': csrf } });
    expect(header.statusCode).toBe(303);
  });
});

describe('lock-out', () => {
  it('locks a name after 5 failures, right password or not, and records it', async () => {
    await world.addAccount('zhao');
    for (let i = 0; i < LOCKOUT.perName.maxFailures; i += 1) expect((await login(world, 'zhao', `wrong ${i}`)).response.statusCode).toBe(401);
    const locked = await login(world, 'zhao');
    expect(locked.response.statusCode).toBe(429);
    expect(locked.response.body).toContain(ErrorCodes.STAFF_LOCKED_OUT);
    expect(locked.response.headers['retry-after']).toBe('900');
    expect((await world.store.auditLog({ limit: 5 })).some((r) => r.action === 'login.locked' && r.actor === 'zhao')).toBe(true);
    expect((await login(world, '王芳')).response.statusCode).toBe(303);
    world.clock.offset += LOCKOUT.perName.lockMs;
    expect((await login(world, 'zhao')).response.statusCode).toBe(303);
  });

  it('locks an address after 20 failures, whatever the names', async () => {
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < LOCKOUT.perAddress.maxFailures; i += 1) await login(world, `guess${i}`, 'nope nope nope', from);
    expect((await login(world, '王芳', undefined, from)).response.statusCode).toBe(429);
    expect((await login(world, '王芳', undefined, { 'x-forwarded-for': '198.51.100.7' })).response.statusCode).toBe(303);
    world.clock.offset += LOCKOUT.perAddress.lockMs;
    expect((await login(world, '王芳', undefined, from)).response.statusCode).toBe(303);
  });
});

describe('keeping the staff store small', () => {
  it('purges expired sessions, and audit records and review actions past RETENTION_DAYS, when the console starts', async () => {
    const store = createMemoryStaffStore();
    const old = Date.now() - (world.app.config.retentionDays + 1) * DAY_MS;
    await store.audit({ at: old, actor: 'x', action: 'login' });
    await store.audit({ at: Date.now(), actor: 'x', action: 'logout' });
    await store.recordReviewAction({ type: 'unanswered', key: 'k', action: 'dismissed', actor: 'x', at: old });
    await store.createSession({ id: 's', name: 'x', csrf: 'c', createdAt: old, expiresAt: old + 1, lastSeenAt: old });
    const server = createHttpServer({ config: world.app.config, logger: silentLogger(), handler: world.app.handler, readiness: () => ({}), cookieSecret: 'k'.repeat(40) });
    server.mount(staffConsole, { app: world.app, store, logger: silentLogger(), sessionMs: 3_600_000, scrypt: CHEAP_SCRYPT });
    await server.fastify.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect((await store.auditLog({ limit: 5 })).map((r) => r.action)).toEqual(['logout']);
    expect(await store.reviewActions()).toEqual([]);
    expect(await store.getSession('s')).toBeUndefined();
    await server.stop();
  });
});
