import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { MAX_TEXT_CHARS } from '../../../adapters/web/schemas.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import type { MessageHandler } from '../../../src/types.js';
import { createFakeCore } from '../../doubles/fake-core.js';

const CONV = 'test-conversation-1';
const servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function serverWith(handler: MessageHandler, env: Record<string, string> = {}) {
  const config = loadConfig(env);
  const server = createHttpServer({ config, logger: silentLogger(), handler, readiness: () => ({}) });
  servers.push(server);
  return server;
}

const post = (server: HttpServer, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  server.fastify.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } });

describe('JSON API', () => {
  it('answers a question with the reply as toReplyJson gives it, from the web adapter', async () => {
    const core = createFakeCore();
    const response = await post(serverWith(core.handler), '/api/v1/messages', { conversation: CONV, text: '没钱请律师怎么办' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toEqual({
      kind: 'answer',
      text: '【legal-aid.eligibility】这里是答案。\n来源:《曲江区2023年法治政府建设情况报告》二(五)2',
      entry: 'legal-aid.eligibility',
      score: 0.9123,
      choices: null,
      source: '来源:《曲江区2023年法治政府建设情况报告》二(五)2',
      awaits: 'vote',
      call: null,
      calculation: null,
      glossary: null,
      flow: null,
    });
    expect(core.received[0]).toMatchObject({
      adapter: 'web',
      conversationId: CONV,
      senderId: CONV,
      kind: 'text',
      text: '没钱请律师怎么办',
      capabilities: { buttons: true, neverSilent: true },
    });
  });

  it('sends the menu command, a choice by id and a vote as their own inbound kinds', async () => {
    const core = createFakeCore();
    const server = serverWith(core.handler);
    const menu = (await post(server, '/api/v1/messages', { conversation: CONV, command: 'menu' })).json();
    expect(menu.choices[0]).toEqual({ n: 1, label: '法律援助(免费律师)', id: 't:legal-aid' });
    const topic = (await post(server, '/api/v1/choices', { conversation: CONV, choice: 't:legal-aid' })).json();
    expect(topic.awaits).toBe('pick');
    const thanks = await post(server, '/api/v1/feedback', { conversation: CONV, useful: false, entry: 'legal-aid.where' });
    expect(thanks.statusCode).toBe(200);
    expect(core.received.map((m) => [m.kind, m.command ?? m.choiceId ?? m.feedback])).toEqual([
      ['command', 'menu'],
      ['choice', 't:legal-aid'],
      ['feedback', { useful: false, entryId: 'legal-aid.where' }],
    ]);
  });

  it('gives emergency numbers to call', async () => {
    const response = await post(serverWith(createFakeCore().handler), '/api/v1/messages', { conversation: CONV, text: '救命,有人要杀我' });
    expect(response.json()).toMatchObject({ kind: 'emergency', call: ['110', '120'] });
  });

  it.each([
    ['a short conversation id', { conversation: 'short', text: '你好' }],
    ['a conversation id with other characters', { conversation: 'abc def/ghi', text: '你好' }],
    ['no text and no command', { conversation: CONV }],
    ['both text and command', { conversation: CONV, text: '你好', command: 'menu' }],
    ['an unknown command', { conversation: CONV, command: 'reboot' }],
    ['an unknown field', { conversation: CONV, text: '你好', admin: true }],
    ['a text as a number', { conversation: CONV, text: 12 }],
    ['an empty text', { conversation: CONV, text: '' }],
  ])('refuses %s with 400 and a stable code, without calling the core', async (_name, body) => {
    const core = createFakeCore();
    const response = await post(serverWith(core.handler), '/api/v1/messages', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe(ErrorCodes.HTTP_BAD_REQUEST);
    expect(core.received).toHaveLength(0);
  });

  it('says in Chinese that an empty text is empty, and a long one too long (issue 26)', async () => {
    const server = serverWith(createFakeCore().handler);
    const empty = await post(server, '/api/v1/messages', { conversation: CONV, text: '' });
    expect(empty.json().error).toEqual({ code: ErrorCodes.HTTP_BAD_REQUEST, message: '请求内容不符合接口要求:字段 text 不能为空' });
    const long = await post(server, '/api/v1/messages', { conversation: CONV, text: '问'.repeat(MAX_TEXT_CHARS + 1) });
    expect(long.json().error.message).toMatch(/^请求内容不符合接口要求:字段 text 太长\(最多 \d+ 个字符\)$/);
  });

  it('refuses bad choices and votes', async () => {
    const server = serverWith(createFakeCore().handler);
    const badChoice = await post(server, '/api/v1/choices', { conversation: CONV, choice: 'x:<script>' });
    expect(badChoice.json().error.code).toBe(ErrorCodes.HTTP_BAD_REQUEST);
    const stringVote = await post(server, '/api/v1/feedback', { conversation: CONV, useful: 'true' });
    expect(stringVote.statusCode).toBe(400);
  });

  it('answers broken JSON, other media types, large bodies and unknown routes with JSON errors', async () => {
    const server = serverWith(createFakeCore().handler, { HTTP_BODY_LIMIT_BYTES: '1024' });
    const broken = await post(server, '/api/v1/messages', '{"conversation":');
    expect([broken.statusCode, broken.json().error.code]).toEqual([400, ErrorCodes.HTTP_BAD_REQUEST]);
    const form = await post(server, '/api/v1/messages', 'conversation=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([form.statusCode, form.json().error.code]).toEqual([415, ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE]);
    const plain = await post(server, '/api/v1/messages', '你好', { 'content-type': 'text/plain; charset=utf-8' });
    expect([plain.statusCode, plain.json().error.code]).toEqual([415, ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE]);
    expect(plain.json().error.message).toMatch(/JSON/);
    const large = await post(server, '/api/v1/messages', { conversation: CONV, text: '问'.repeat(2_000) });
    expect([large.statusCode, large.json().error.code]).toEqual([413, ErrorCodes.HTTP_BODY_TOO_LARGE]);
    const missing = await server.fastify.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, ErrorCodes.HTTP_NOT_FOUND]);
  });

  it('limits requests per client address and says so in JSON', async () => {
    const server = serverWith(createFakeCore().handler, { HTTP_RATE_PER_MINUTE: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await post(server, '/api/v1/messages', { conversation: CONV, text: '你好' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const limited = await post(server, '/api/v1/messages', { conversation: CONV, text: '你好' });
    expect(limited.json().error.code).toBe(ErrorCodes.HTTP_RATE_LIMITED);
    expect(limited.headers['retry-after']).toBeDefined();
    const other = await post(server, '/api/v1/messages', { conversation: CONV, text: '你好' }, {}).then(() =>
      server.fastify.inject({ method: 'POST', url: '/api/v1/messages', remoteAddress: '10.0.0.9', payload: { conversation: CONV, text: '你好' } }),
    );
    expect(other.statusCode).toBe(200);
  });

  it('turns a failing handler into a 500 with a code, never the cause', async () => {
    const server = serverWith(async () => {
      throw new Error('secret database path /var/x');
    });
    const response = await post(server, '/api/v1/messages', { conversation: CONV, text: '你好' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe(ErrorCodes.HTTP_INTERNAL);
    expect(response.body).not.toContain('/var/x');
  });

  it('serves an OpenAPI document of the four routes', async () => {
    const response = await serverWith(createFakeCore().handler).fastify.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(['/api/v1/messages', '/api/v1/choices', '/api/v1/feedback', '/api/v1/calculate']);
    expect(document.components.schemas.Reply.required).toContain('call');
    expect(document.components.schemas.Reply.required).toContain('calculation');
  });
});
