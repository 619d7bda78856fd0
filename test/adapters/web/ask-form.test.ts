/**
 * `POST /ask`, the page's own form (issue 26, item 4): a question posted before or without the
 * page's scripts is answered on the server, into the page itself, and the conversation goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import type { MessageHandler } from '../../../src/types.js';
import { createFakeCore } from '../../doubles/fake-core.js';

const servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function serverWith(handler: MessageHandler, env: Record<string, string> = {}) {
  const server = createHttpServer({ config: loadConfig(env), logger: silentLogger(), handler, readiness: () => ({}) });
  servers.push(server);
  return server;
}

const form = (server: HttpServer, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  server.fastify.inject({
    method: 'POST',
    url: '/ask',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
  });

/** The transcript items the page's script takes over. */
const items = (page: string) =>
  [...page.matchAll(/data-item="([^"]*)"/g)].map((m) => JSON.parse((m[1] ?? '').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')));

describe('POST /ask', () => {
  it('answers a typed question into the page: the exchange in the log, a new conversation in the form', async () => {
    const core = createFakeCore();
    const response = await form(serverWith(core.handler), { conversation: '', text: ' 没钱请律师怎么办 ' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const page = response.body;
    expect(items(page)).toEqual([
      { who: 'me', text: '没钱请律师怎么办' },
      { who: 'bot', reply: expect.objectContaining({ kind: 'answer', entry: 'legal-aid.eligibility' }) },
    ]);
    // Readable without the script: the answer's lines as paragraphs.
    expect(page).toContain('<p>【legal-aid.eligibility】这里是答案。</p>');
    const conversation = /id="conversation" autocomplete="off" value="([^"]+)"/.exec(page)?.[1];
    expect(conversation).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(core.received[0]).toMatchObject({ adapter: 'web', kind: 'text', text: '没钱请律师怎么办', conversationId: conversation });
  });

  it('keeps a given conversation, takes a tapped example, and escapes what it shows', async () => {
    const core = createFakeCore();
    const server = serverWith(core.handler);
    const example = await form(server, { conversation: 'kept-conversation-1', example: '工资被拖欠' });
    expect(core.received[0]).toMatchObject({ conversationId: 'kept-conversation-1', text: '工资被拖欠' });
    expect(example.body).toContain('value="kept-conversation-1"');
    const odd = await form(server, { conversation: '"><script>x</script>', text: '<b>你好</b>' });
    expect(odd.body).not.toContain('<b>你好</b>');
    expect(odd.body).not.toContain('<script>x');
    expect(core.received[1]?.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('sends the page as it is for an empty question, without asking the core', async () => {
    const core = createFakeCore();
    const response = await form(serverWith(core.handler), { conversation: '', text: '  ' });
    expect(response.statusCode).toBe(200);
    expect(items(response.body)).toEqual([]);
    expect(core.received).toHaveLength(0);
  });

  it('leaves the API JSON-only: a form posted to /api/v1/messages is still 415', async () => {
    const server = serverWith(createFakeCore().handler);
    const response = await server.fastify.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: 'conversation=test-conversation-1&text=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect([response.statusCode, response.json().error.code]).toEqual([415, ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE]);
  });
});
