/**
 * HTTP_TRUST_PROXY names the proxies whose X-Forwarded-For is believed: a peer that is not one
 * of them cannot pass the per-address limits (the API's HTTP_RATE_PER_MINUTE, the staff
 * console's lock-out) by claiming other addresses, and through the proxy a claimed address in
 * front of the real one changes nothing. (`true`, which believed anyone, is refused at start:
 * test/adapters/http/http-config.test.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { LOCKOUT } from '../../../staff-console/login-routes.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { createFakeCore } from '../../doubles/fake-core.js';
import { BROWSER, FORM, PASSWORD, cookiesOf, csrfOf, form, startStaffWorld, type StaffWorld } from '../../doubles/staff-console.js';

const PROXY = '10.0.0.2';
const STRANGER = '203.0.113.9';
const servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function apiServer() {
  const config = loadConfig({ HTTP_TRUST_PROXY: PROXY, HTTP_RATE_PER_MINUTE: '3' });
  const server = createHttpServer({ config, logger: silentLogger(), handler: createFakeCore().handler, readiness: () => ({}) });
  servers.push(server);
  return server;
}

const ask = (server: HttpServer, remoteAddress: string, forwardedFor: string) =>
  server.fastify.inject({
    method: 'POST',
    url: '/api/v1/messages',
    remoteAddress,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    payload: { conversation: 'trust-proxy-conv', text: '你好' },
  });

describe('the API limit per address', () => {
  it('a peer that is not the proxy is limited by its own address, whatever X-Forwarded-For claims', async () => {
    const server = apiServer();
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await ask(server, STRANGER, `198.51.100.${i}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429, 429]);
    const limited = await ask(server, STRANGER, '192.0.2.77');
    expect(limited.json().error.code).toBe(ErrorCodes.HTTP_RATE_LIMITED);
  });

  it('through the proxy, the address the proxy saw counts, not one the client put in front of it', async () => {
    const server = apiServer();
    const codes: number[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await ask(server, PROXY, `198.51.100.${i}, ${STRANGER}`)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    // Another resident behind the same proxy is not limited.
    expect((await ask(server, PROXY, '192.0.2.8')).statusCode).toBe(200);
  });
});

describe('the staff console lock-out per address', () => {
  let world: StaffWorld;
  beforeAll(async () => {
    world = await startStaffWorld({ HTTP_TRUST_PROXY: PROXY });
    await world.addAccount('王芳');
  });
  afterAll(() => world.close());

  async function login(name: string, password: string, remoteAddress: string, forwardedFor: string) {
    const { fastify } = world.server;
    const headers = { ...BROWSER, 'x-forwarded-for': forwardedFor };
    const page = await fastify.inject({ url: '/staff/login', headers, remoteAddress });
    return fastify.inject({
      method: 'POST',
      url: '/staff/login',
      remoteAddress,
      headers: { ...headers, ...FORM, cookie: cookiesOf(page) },
      payload: form({ name, password, _csrf: csrfOf(page.body), next: '/staff/review' }),
    });
  }

  it('locks a peer that is not the proxy after 20 failures, though each claimed another address', async () => {
    for (let i = 0; i < LOCKOUT.perAddress.maxFailures; i += 1) {
      expect((await login(`guess${i}`, 'wrong password', STRANGER, `198.51.100.${i}`)).statusCode).toBe(401);
    }
    const locked = await login('王芳', PASSWORD, STRANGER, '192.0.2.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain(ErrorCodes.STAFF_LOCKED_OUT);
    // The real staff member, through the proxy from elsewhere, is not locked out.
    expect((await login('王芳', PASSWORD, PROXY, '192.0.2.9')).statusCode).toBe(303);
  });
});
