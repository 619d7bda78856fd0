import net from 'node:net';
import type { FastifyPluginAsync } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createMetrics } from '../../../adapters/http/metrics.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { BotError, ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { createFakeCore } from '../../doubles/fake-core.js';

const servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function make(options: { ready?: boolean; env?: Record<string, string>; stopGraceMs?: number } = {}) {
  const config = loadConfig({ HTTP_PORT: '0', ...options.env });
  const readiness = () => ({ knowledge: { ok: true, detail: '3 topics' }, store: { ok: options.ready ?? true } });
  const server = createHttpServer({ config, logger: silentLogger(), handler: createFakeCore().handler, readiness, stopGraceMs: options.stopGraceMs });
  servers.push(server);
  return server;
}

describe('HTTP server', () => {
  it('listens only after start, on the configured host, and prints the address to open', async () => {
    const server = make();
    expect(server.fastify.server.listening).toBe(false);
    const address = await server.start();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(`${address}healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
    await server.stop();
    // Whether the port is free again is not asked: with other test files running, the kernel may hand it to another listener at once.
    expect(server.fastify.server.listening).toBe(false);
  });

  it('names the port and the keys to set when it cannot listen', async () => {
    const first = make();
    const port = new URL(await first.start()).port;
    const second = make({ env: { HTTP_PORT: port } });
    const error = await second.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe(ErrorCodes.HTTP_LISTEN_FAILED);
    expect((error as BotError).message).toContain(`127.0.0.1:${port}`);
    expect((error as BotError).message).toContain('HTTP_PORT');
  });

  it('is ready only when every check is', async () => {
    const ready = await make().fastify.inject({ method: 'GET', url: '/readyz' });
    expect([ready.statusCode, ready.json().status]).toEqual([200, 'ready']);
    const notReady = await make({ ready: false }).fastify.inject({ method: 'GET', url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({
      status: 'not-ready',
      checks: { knowledge: { ok: true, detail: '3 topics' }, store: { ok: false } },
    });
  });

  it('is degraded, still 200, when only optional checks fail (the store, Redis: answering goes on)', async () => {
    const config = loadConfig({ HTTP_PORT: '0' });
    const readiness = () => ({ knowledge: { ok: true }, store: { ok: false, optional: true }, redis: { ok: true, optional: true } });
    const server = createHttpServer({ config, logger: silentLogger(), handler: createFakeCore().handler, readiness });
    servers.push(server);
    const degraded = await server.fastify.inject({ method: 'GET', url: '/readyz' });
    expect([degraded.statusCode, degraded.json().status]).toEqual([200, 'degraded']);
  });

  it('mounts other adapters\u2019 routes (a webhook) before start, with the JSON errors around them', async () => {
    const server = make();
    const webhook: FastifyPluginAsync<{ secret: string }> = async (fastify, { secret }) => {
      fastify.post('/hook', async (request, reply) => (request.headers['x-secret'] === secret ? { ok: true } : reply.code(401).send()));
    };
    server.mount(webhook, { secret: 's3', prefix: '/telegram' });
    const ok = await server.fastify.inject({ method: 'POST', url: '/telegram/hook', headers: { 'x-secret': 's3' } });
    expect(ok.json()).toEqual({ ok: true });
    const missing = await server.fastify.inject({ method: 'GET', url: '/telegram/other' });
    expect(missing.json().error.code).toBe(ErrorCodes.HTTP_NOT_FOUND);
  });

  it('sends security headers: a CSP allowing nothing from outside the server', async () => {
    const page = await make().fastify.inject({ method: 'GET', url: '/' });
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves Prometheus text from the metrics it is given', async () => {
    const metrics = createMetrics({ defaults: false });
    const config = loadConfig({});
    const server = createHttpServer({ config, logger: silentLogger(), handler: createFakeCore().handler, readiness: () => ({}), metrics });
    servers.push(server);
    metrics.hooks.onHandled?.({
      message: { adapter: 'web', conversationId: 'c', senderId: 'c', kind: 'text', text: 'x' },
      reply: { kind: 'fallback', text: '' },
      latencyMs: 3,
    });
    const response = await server.fastify.inject({ method: 'GET', url: '/metrics' });
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('qlb_messages_total{adapter="web",inbound="text",kind="fallback"} 1');
    expect(response.body).toContain('qlb_fallback_ratio 1');
  });
});

describe('HTTP server stop', () => {
  it('cuts a connection still busy after the grace period instead of waiting for it', async () => {
    const server = make({ stopGraceMs: 300 });
    const address = new URL(await server.start());
    const socket = net.connect(Number(address.port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // Half a request: the connection is busy, and stays so.
    socket.write('POST /api/v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"conv');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const started = Date.now();
    await server.stop();
    await closed;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});
