/**
 * The webhook mounted on the shared HTTP server (`webhookServer: 'shared'`): no listener of
 * its own, 503 while the adapter is not running (Telegram delivers again), the secret
 * checked before the body is read, updates answered through the real intake.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../adapters/http/create-http-server.js';
import { createTelegramAdapter } from '../../../adapters/telegram/index.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import { startFakeBotApi, type FakeBotApi } from '../../doubles/fake-bot-api.js';
import { alice, textUpdate } from '../../doubles/telegram-updates.js';
import { fastPacing, repliesAfter, scriptedCore } from './telegram-setup.js';

let api: FakeBotApi;
afterAll(() => api?.close());

describe('telegram webhook on the shared HTTP server', () => {
  it('answers 503 until started and after stopping, refuses a bad secret, answers updates', async () => {
    api = await startFakeBotApi();
    const adapter = createTelegramAdapter({
      token: api.token,
      apiRoot: api.apiRoot,
      webhookUrl: 'https://bot.example.org/hooks/telegram',
      webhookSecret: 'shh',
      webhookServer: 'shared',
      webhookPort: 0,
      logger: silentLogger(),
      pacing: fastPacing,
    });
    const core = scriptedCore();
    const server = createHttpServer({ config: loadConfig({ HTTP_PORT: '0' }), logger: silentLogger(), handler: core.handler, readiness: () => ({}) });
    expect(adapter.plugin).toBeTypeOf('function');
    server.mount(adapter.plugin as NonNullable<typeof adapter.plugin>);
    const post = (secret: string | undefined, body: unknown = { update_id: 5, ...textUpdate(alice, '你好') }) =>
      server.fastify.inject({
        method: 'POST',
        url: '/hooks/telegram',
        headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
        payload: JSON.stringify(body),
      });

    expect((await post('shh')).statusCode).toBe(503);
    await adapter.start(core.handler);
    expect(adapter.webhookPort).toBeUndefined();
    expect((await post(undefined)).statusCode).toBe(401);
    expect((await post('nope')).statusCode).toBe(403);
    const ok = await post('shh');
    expect(ok.statusCode).toBe(200);
    expect(await repliesAfter(api, alice.id, 0)).toEqual(['答:你好']);
    expect((await post('shh', 'not an update')).statusCode).toBe(200);
    await adapter.stop();
    expect((await post('shh')).statusCode).toBe(503);
    await server.stop();
  });

  it('has no plugin for polling or its own listener', () => {
    const base = { token: '1:x', webhookPort: 0, logger: silentLogger() };
    expect(createTelegramAdapter(base).plugin).toBeUndefined();
    expect(createTelegramAdapter({ ...base, webhookUrl: 'https://x.example/h' }).plugin).toBeUndefined();
  });
});
