/**
 * Every error the HTTP server gives is `{"error":{"code","message"}}` with a stable code and a
 * message in Chinese, whatever raised it: Node's parser (headers too large, an unreadable
 * Content-Length), fastify's router (a bad percent-encoded URL), the body parser (bad JSON,
 * `__proto__` keys), the schemas, the media type (415, a missing body too), an unknown route,
 * a stopping server. A browser asking for a page gets the same as a Chinese HTML page.
 */
import net from 'node:net';
import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { errorPage } from '../../../adapters/http/error-page.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import type { MessageHandler } from '../../../src/types.js';
import { createFakeCore } from '../../doubles/fake-core.js';

const CONV = 'error-shapes-conv-1';
const CHINESE = /[\u4e00-\u9fff]/;
const servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function serverWith(env: Record<string, string> = {}, handler: MessageHandler = createFakeCore().handler) {
  const server = createHttpServer({ config: loadConfig({ HTTP_PORT: '0', ...env }), logger: silentLogger(), handler, readiness: () => ({}) });
  servers.push(server);
  return server;
}

/** Asserts the one error shape with `status` and `code`, in Chinese; returns the message. */
function expectError(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code: string): string {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(body).toEqual({ error: { code, message: expect.stringMatching(CHINESE) } });
  expect(Object.keys(body)).toEqual(['error']);
  return body.error.message;
}

const inject = (server: HttpServer, options: InjectOptions) => server.fastify.inject(options);
const postJson = (server: HttpServer, payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  inject(server, { method: 'POST', url: '/api/v1/messages', payload, headers });

/** Sends raw bytes to a listening server and reads the whole answer. */
async function raw(address: string, request: string): Promise<{ statusCode: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(address);
  const text = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(error)));
  });
  const [head = '', body = ''] = text.split('\r\n\r\n');
  const [status = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { statusCode: Number(status.split(' ')[1]), headers, body };
}

describe('errors before a request exists (Node’s parser)', () => {
  it('headers too large: 431 in the one shape', async () => {
    const server = serverWith();
    const address = await server.start();
    const response = await raw(address, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expectError(response, 431, ErrorCodes.HTTP_HEADERS_TOO_LARGE);
  });

  it('a Content-Length that is no number: 400 in the one shape', async () => {
    const server = serverWith();
    const address = await server.start();
    const response = await raw(address, 'POST /api/v1/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}');
    expect(expectError(response, 400, ErrorCodes.HTTP_BAD_REQUEST)).toContain('Content-Length');
  });
});

describe('errors of a request', () => {
  it.each(['/%zz', '/api/v1/%E0%A4%A', '/static/%zz'])('a bad percent-encoded URL (%s): 400', async (url) => {
    expect(expectError(await inject(serverWith(), { url }), 400, ErrorCodes.HTTP_BAD_REQUEST)).toMatch(/百分号编码/);
  });

  it('broken JSON, an empty JSON body, and a __proto__ key each say what is wrong', async () => {
    const server = serverWith();
    expect(expectError(await postJson(server, '{"conversation":'), 400, ErrorCodes.HTTP_BAD_REQUEST)).toMatch(/不是有效的 JSON/);
    expect(expectError(await postJson(server, ''), 400, ErrorCodes.HTTP_BAD_REQUEST)).toMatch(/空/);
    for (const body of [`{"__proto__":{"admin":true},"conversation":"${CONV}","text":"你好"}`, '{"constructor":{"prototype":{"x":1}}}']) {
      const message = expectError(await postJson(server, body), 400, ErrorCodes.HTTP_BAD_REQUEST);
      expect(message).toMatch(/不允许的字段名/);
      expect(message).not.toMatch(/JSON/);
    }
  });

  it('a body that does not fit the schema names the field, in Chinese', async () => {
    const server = serverWith();
    const extra = JSON.stringify({ conversation: CONV, text: '你好', admin: true });
    expect(expectError(await postJson(server, extra), 400, ErrorCodes.HTTP_BAD_REQUEST)).toBe('请求内容不符合接口要求:不认识的字段 admin');
    const short = JSON.stringify({ conversation: 'short', text: '你好' });
    expect(expectError(await postJson(server, short), 400, ErrorCodes.HTTP_BAD_REQUEST)).toBe('请求内容不符合接口要求:字段 conversation 的格式不对');
    const vote = JSON.stringify({ conversation: CONV, useful: 'yes' });
    const response = await inject(server, { method: 'POST', url: '/api/v1/feedback', payload: vote, headers: { 'content-type': 'application/json' } });
    expect(expectError(response, 400, ErrorCodes.HTTP_BAD_REQUEST)).toMatch(/useful 的类型不对/);
  });

  it('text/plain or no body at all on an API route: 415, as documented; JSON with a charset is fine', async () => {
    const core = createFakeCore();
    const server = serverWith({}, core.handler);
    for (const url of ['/api/v1/messages', '/api/v1/choices', '/api/v1/feedback']) {
      expectError(await postJson(server, JSON.stringify({ conversation: CONV, text: '你好' }), { 'content-type': 'text/plain' }), 415, ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE);
      expectError(await inject(server, { method: 'POST', url }), 415, ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE);
    }
    expect(core.received).toHaveLength(0);
    const charset = await postJson(server, JSON.stringify({ conversation: CONV, text: '你好' }), { 'content-type': 'application/json; charset=utf-8' });
    expect(charset.statusCode).toBe(200);
  });

  it('too large, too many, unknown route, failed route: the one shape, in Chinese', async () => {
    const failing = serverWith({ HTTP_BODY_LIMIT_BYTES: '1024', HTTP_RATE_PER_MINUTE: '2' }, async () => {
      throw new Error('secret /var/x');
    });
    expectError(await postJson(failing, JSON.stringify({ conversation: CONV, text: '问'.repeat(2_000) })), 413, ErrorCodes.HTTP_BODY_TOO_LARGE);
    const internal = await postJson(failing, JSON.stringify({ conversation: CONV, text: '你好' }));
    expectError(internal, 500, ErrorCodes.HTTP_INTERNAL);
    expect(internal.body).not.toContain('/var/x');
    expectError(await postJson(failing, JSON.stringify({ conversation: CONV, text: '你好' })), 429, ErrorCodes.HTTP_RATE_LIMITED);
    const missing = await inject(failing, { url: '/api/v1/nothing' });
    expect(expectError(missing, 404, ErrorCodes.HTTP_NOT_FOUND)).toBe('没有这个网址或请求方法:GET /api/v1/nothing');
    expectError(await inject(failing, { method: 'DELETE', url: '/api/v1/messages' }), 404, ErrorCodes.HTTP_NOT_FOUND);
  });

  it('a stopping server answers 503 in the one shape, handling nothing', async () => {
    const core = createFakeCore();
    const server = serverWith({}, core.handler);
    await server.fastify.ready();
    const stopped = server.stop();
    const response = await postJson(server, JSON.stringify({ conversation: CONV, text: '你好' }));
    await stopped;
    expectError(response, 503, ErrorCodes.HTTP_STOPPING);
    expect(core.received).toHaveLength(0);
  });
});

describe('a browser asking for a page', () => {
  const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  it.each([
    ['an unknown page', '/no-such-page', 404, ErrorCodes.HTTP_NOT_FOUND, '找不到这个页面'],
    ['a bad percent-encoded URL', '/%zz', 400, ErrorCodes.HTTP_BAD_REQUEST, '百分号编码'],
  ])('gets a Chinese HTML page for %s, with the code', async (_name, url, status, code, words) => {
    const response = await inject(serverWith(), { url, headers: BROWSER });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('<html lang="zh-CN">');
    expect(response.body).toContain(words);
    expect(response.body).toContain(code);
  });

  it('a page route that fails gets the HTML page too, without the cause; the API stays JSON', async () => {
    const server = serverWith();
    server.mount(async (fastify) => {
      fastify.get('/staff/broken', async () => {
        throw new Error('secret /var/x');
      });
    });
    const page = await inject(server, { url: '/staff/broken', headers: BROWSER });
    expect([page.statusCode, page.headers['content-type']]).toEqual([500, 'text/html; charset=utf-8']);
    expect(page.body).toContain(ErrorCodes.HTTP_INTERNAL);
    expect(page.body).not.toContain('/var/x');
    expectError(await inject(server, { url: '/api/v1/nothing', headers: BROWSER }), 404, ErrorCodes.HTTP_NOT_FOUND);
  });

  it('escapes what it echoes', async () => {
    const response = await inject(serverWith(), { url: '/<script>alert(1)</script>', headers: BROWSER });
    expect(response.body).not.toContain('<script>');
    expect(errorPage(400, ErrorCodes.HTTP_BAD_REQUEST, '<img src=x onerror=alert(1)>')).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
