/**
 * The official account served by two instances behind a load balancer, sharing a real
 * Redis: a retry that lands on the other instance is answered once, one instance fetches
 * the access token while the other waits for it, and a signed URL used on one instance serves
 * its own body only (answered once) on the other, and refuses any other.
 */
import { fastify } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMsgCrypt } from '../../../adapters/wechat-mp/msg-crypt.js';
import { createWechatMpAdapter, registerWechatMp } from '../../../adapters/wechat-mp/wechat-mp-adapter.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger, type Logger } from '../../../src/logger.js';
import { openRedis } from '../../../src/service/redis/redis-connection.js';
import { openRedisState } from '../../../src/service/shared-state/redis-state.js';
import type { SharedState } from '../../../src/service/shared-state/shared-state.js';
import type { MessageHandler } from '../../../src/types.js';
import { startFakeWechatMp, type FakeWechatMp } from '../../doubles/fake-wechat-mp.js';
import { eventually } from '../../doubles/eventually.js';
import { createLogSink } from '../../doubles/log-sink.js';
import { missingServers, startRedis, type RedisServer } from '../../doubles/real-servers.js';
import { createWechatPusher } from '../../doubles/wechat-mp-push.js';
import { AES_KEY, PATH, scriptedCore, TOKEN } from './wechat-mp-setup.js';

const missing = missingServers();
let server: RedisServer;
let api: FakeWechatMp;
const closers: Array<() => Promise<unknown>> = [];

async function instance(handler: MessageHandler, prefix: string, options: { aesKey?: string; logger?: Logger } = { aesKey: AES_KEY }) {
  const logger = options.logger ?? silentLogger();
  const redis = openRedis({ url: server.url, keyPrefix: prefix, logger });
  if (!(await redis.ready(10_000))) throw new Error('Redis not ready');
  const state: SharedState = openRedisState({ redis, logger, hash: (key) => key, sessionIdleMs: 60_000, ratePerMinute: 0 });
  const adapter = createWechatMpAdapter({
    token: TOKEN, appId: api.appId, secret: api.secret, aesKey: options.aesKey, path: PATH, apiRoot: api.apiRoot,
    handoff: true, logger, backoffMs: 5, replyBudgetMs: 10, shared: { cache: state.cache, locks: state.locks },
  });
  const app = fastify();
  registerWechatMp(app, adapter);
  await app.ready();
  await adapter.start(handler);
  closers.push(() => adapter.stop(), () => app.close(), () => state.close());
  const crypt = createMsgCrypt({ token: TOKEN, encodingAesKey: AES_KEY, appId: api.appId });
  return createWechatPusher({ server: app, path: PATH, token: TOKEN, crypt, mode: options.aesKey ? 'safe' : 'plain' });
}

describe.skipIf(missing !== undefined)(missing ?? 'official account on two instances', () => {
  beforeAll(async () => {
    [server, api] = await Promise.all([startRedis(), startFakeWechatMp()]);
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await Promise.allSettled([server?.close(), api?.close()]);
  });

  it('a retry landing on the other instance is answered once', async () => {
    const core = scriptedCore({}, { 慢: 80 });
    const [a, b] = await Promise.all([instance(core.handler, 'mp1:'), instance(core.handler, 'mp1:')]);
    const first = a.text('oQJ-carol', '慢', { msgId: '7001' });
    await eventually(() => core.received.length === 1); // the first took the message
    const retry = await b.text('oQJ-carol', '慢', { msgId: '7001' });
    await first;
    expect(retry.body).toBe('success');
    expect(core.received).toHaveLength(1);
    expect(await api.waitFor(() => api.textsTo('oQJ-carol').length === 1 && api.textsTo('oQJ-carol'))).toEqual(['echo:慢']);
  });

  it('one instance fetches the access token; the other uses it', async () => {
    const core = scriptedCore({}, { 一: 40, 二: 40 });
    const [a, b] = await Promise.all([instance(core.handler, 'mp2:'), instance(core.handler, 'mp2:')]);
    const fetches = () => api.calls.filter((call) => call.path === '/cgi-bin/stable_token').length;
    const before = fetches();
    await Promise.all([a.text('oQJ-dave', '一'), b.text('oQJ-erin', '二')]);
    await api.waitFor(() => api.textsTo('oQJ-dave').length === 1 && api.textsTo('oQJ-erin').length === 1);
    expect(fetches() - before).toBe(1);
  });

  it('the same signed request sent to the other instance is answered once; with another body it is refused there, every time', async () => {
    const core = scriptedCore();
    const logsB = createLogSink();
    const [a, b] = await Promise.all([instance(core.handler, 'mp3:', {}), instance(core.handler, 'mp3:', { logger: logsB.logger })]);
    const fields = (openId: string, content: string, msgId: string) => ({
      ToUserName: a.account, FromUserName: openId, CreateTime: Math.floor(Date.now() / 1000), MsgType: 'text', Content: content, MsgId: msgId,
    });
    const push = { timestamp: Math.floor(Date.now() / 1000), nonce: '1357911' };
    const request = a.request(fields('oQJ-frank', '你好', '8001'), 'plain', push);
    expect((await a.send(request)).reply?.Content).toBe('echo:你好');
    // WeChat's retry (or an identical replay) on b: a answered it, b says `success`, unrefused.
    expect(await b.send(request)).toMatchObject({ status: 200, body: 'success' });
    const forged = b.request(fields('oQJ-grace', '转人工', '8002'), 'plain', push);
    expect(await b.send(forged)).toMatchObject({ status: 200, body: 'success' });
    expect(await b.send(forged)).toMatchObject({ status: 200, body: 'success' });
    expect(await a.send(forged)).toMatchObject({ status: 200, body: 'success' });
    expect(core.received.map((message) => message.text)).toEqual(['你好']);
    const refused = logsB.lines().filter((line) => line.code === ErrorCodes.WECHAT_MP_REPLAYED);
    expect(refused).toHaveLength(2);
  });

  it('remembers an answered message in Redis as long as its signed URL is remembered (window + skew + 1 s)', async () => {
    const core = scriptedCore();
    await instance(core.handler, 'mp4:').then((a) => a.text('oQJ-heidi', '你好', { msgId: '8101' }));
    const redis = openRedis({ url: server.url, keyPrefix: '', logger: silentLogger() });
    closers.push(() => redis.close());
    expect(await redis.ready(10_000)).toBe(true);
    const ttl = await redis.run('pttl', (client) => client.pttl('mp4:cache:wechat-mp:msg:msg:8101'));
    expect(ttl).toBeGreaterThan(360_000 - 5_000);
    expect(ttl).toBeLessThanOrEqual(361_000);
  });
});
