/**
 * Issue 20: the per-address limit never hides danger. An address over its limit is refused
 * ordinary messages with 429, but a message that reads as danger now still reaches the core and
 * gets 110/120 first, against the real knowledge base.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';

const DANGER = '那个男人拿着菜刀在砸我家的门,说要进来砍人';
const ORDINARY = '请问公证处在哪里办';

describe('the per-address limit and danger', () => {
  let app: App;
  let server: HttpServer;
  beforeAll(async () => {
    const config = loadConfig({ KNOWLEDGE_DIR: new URL('../../../knowledge', import.meta.url).pathname, HTTP_RATE_PER_MINUTE: '2' });
    app = await createApp(config, silentLogger());
    server = createHttpServer({ config, logger: silentLogger(), handler: app.handler, readiness: () => ({}), urgent: (text) => app.readsDanger(text) });
  });
  afterAll(async () => {
    await server.stop();
    await app.close();
  });

  const send = (text: string, conversation = 'limit-conv') =>
    server.fastify.inject({ method: 'POST', url: '/api/v1/messages', payload: { conversation, text }, headers: { 'content-type': 'application/json' } });

  it('reads danger as the emergency step does, and an ordinary question as none', () => {
    expect(app.readsDanger(DANGER)).toBe(true);
    expect(app.readsDanger(ORDINARY)).toBe(false);
  });

  it('refuses the third ordinary message of the minute, yet answers danger after it with 110 first', async () => {
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push((await send(ORDINARY, `limit-conv-${i}`)).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    const danger = await send(DANGER);
    expect(danger.statusCode).toBe(200);
    expect(danger.json().kind).toBe('emergency');
    expect(danger.json().text.split('\n')[0]).toMatch(/110/);
    // Danger with a legal question beside it is danger too, over the limit.
    const mixed = await send(`${DANGER},我想找律师`);
    expect([mixed.statusCode, mixed.json().kind]).toEqual([200, 'emergency']);
    // The address is still over its limit for everything else.
    expect((await send(ORDINARY, 'limit-conv-9')).statusCode).toBe(429);
  });
});
