/**
 * Telegram polling and the personal WeChat account refuse to run twice against the same
 * Redis (a real one, started for this file): the second instance's start fails with
 * QLB_INSTANCE_LOCKED naming the first; once the first stops, the second may start; a lock
 * another instance took stops the channel.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConfiguredAdapters } from '../../../adapters/registry.js';
import { exclusive } from '../../../adapters/shared/exclusive-adapter.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { BotError, ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { openRedis } from '../../../src/service/redis/redis-connection.js';
import { openRedisState } from '../../../src/service/shared-state/redis-state.js';
import type { SharedState } from '../../../src/service/shared-state/shared-state.js';
import type { Adapter } from '../../../src/types.js';
import { startFakeBotApi, type FakeBotApi } from '../../doubles/fake-bot-api.js';
import { createLogSink } from '../../doubles/log-sink.js';
import { eventually } from '../../doubles/eventually.js';
import { missingServers, startRedis, type RedisServer } from '../../doubles/real-servers.js';
import { createRecordingHandler } from '../../doubles/recording-handler.js';
import { runCli } from '../../doubles/cli.js';
import { startServe } from '../../doubles/serve-instance.js';

const missing = missingServers();
let server: RedisServer;
let api: FakeBotApi;
const states: SharedState[] = [];
const dirs: string[] = [];

async function instance(logger = silentLogger()): Promise<SharedState> {
  const redis = openRedis({ url: server.url, keyPrefix: 'qlb-exclusive:', logger });
  if (!(await redis.ready(10_000))) throw new Error('Redis not ready');
  const state = openRedisState({ redis, logger, hash: (key) => key, sessionIdleMs: 60_000, ratePerMinute: 0 });
  states.push(state);
  return state;
}

const refusal = async (adapter: Adapter) => (await adapter.start(createRecordingHandler().handler).then(() => undefined, (error: unknown) => error)) as BotError;

describe.skipIf(missing !== undefined)(missing ?? 'one instance per channel and account', () => {
  beforeAll(async () => {
    [server, api] = await Promise.all([startRedis(), startFakeBotApi()]);
  });
  afterAll(async () => {
    await Promise.allSettled(states.map((state) => state.close()));
    await Promise.allSettled([server?.close(), api?.close()]);
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  const configOf = (env: Record<string, string>) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-exclusive-'));
    dirs.push(dataDir);
    return loadConfig({ DATA_DIR: dataDir, ...env });
  };

  it('Telegram polling: the second instance is refused, naming the first; it may start once the first stopped', async () => {
    const env = { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot };
    const [one, two] = await Promise.all([instance(), instance()]);
    const [first] = await createConfiguredAdapters(configOf(env), silentLogger(), { locks: one.locks });
    const [second] = await createConfiguredAdapters(configOf(env), silentLogger(), { locks: two.locks });
    if (!first || !second) throw new Error('no adapter');
    await first.start(createRecordingHandler().handler);
    const error = await refusal(second);
    expect(error).toBeInstanceOf(BotError);
    expect(error.code).toBe(ErrorCodes.INSTANCE_LOCKED);
    expect(error.message).toContain('Telegram 轮询');
    expect(error.message).toContain(one.instance);
    await first.stop();
    await second.start(createRecordingHandler().handler);
    await second.stop();
  });

  it('Telegram webhook mode runs on every instance, all checking the same secret', async () => {
    const [one, two] = await Promise.all([instance(), instance()]);
    const started: Adapter[] = [];
    for (const state of [one, two]) {
      const env = { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, TELEGRAM_WEBHOOK_URL: 'https://bot.example/telegram', TELEGRAM_WEBHOOK_HOST: '127.0.0.1', REDIS_URL: server.url };
      const parsed = configOf(env);
      // Any free port, taken by the server itself (the config asks a person for a real one).
      const config = parsed.telegram ? { ...parsed, telegram: { ...parsed.telegram, webhookPort: 0 } } : parsed;
      const [adapter] = await createConfiguredAdapters(config, silentLogger(), { locks: state.locks });
      if (!adapter) throw new Error('no adapter');
      await adapter.start(createRecordingHandler().handler);
      started.push(adapter);
    }
    const secrets = api.callsOf('setWebhook').map((call) => call.body.secret_token);
    expect(secrets).toHaveLength(2);
    expect(secrets[0]).toBe(secrets[1]);
    expect(String(secrets[0])).toMatch(/^[0-9a-f]{64}$/);
    for (const adapter of started) await adapter.stop();
  });

  it('serve says so and exits 2 when another instance polls the same bot', async () => {
    const env = { TELEGRAM_BOT_TOKEN: api.token, TELEGRAM_API_ROOT: api.apiRoot, REDIS_URL: server.url, REDIS_KEY_PREFIX: 'qlb-serve-lock:' };
    const first = await startServe({ ...env, DATA_DIR: configOf({}).dataDir });
    try {
      const second = await runCli(['serve'], { env: { ...env, HTTP_PORT: '0', DATA_DIR: configOf({}).dataDir } });
      expect(second.code).toBe(2);
      expect(second.stderr).toMatch(/Telegram 轮询已由另一个实例\(.+#\d+-[0-9a-f]+\)在同一个 Redis 上运行/);
      expect(second.stderr).toContain('QLB_INSTANCE_LOCKED');
    } finally {
      expect(await first.stop()).toBe(0);
    }
  });

  it('the personal WeChat account: the same', async () => {
    const env = { WECHATY_PUPPET: 'wechaty-puppet-mock' };
    const [one, two] = await Promise.all([instance(), instance()]);
    const [first] = await createConfiguredAdapters(configOf(env), silentLogger(), { locks: one.locks });
    const [second] = await createConfiguredAdapters(configOf(env), silentLogger(), { locks: two.locks });
    if (!first || !second) throw new Error('no adapter');
    await first.start(createRecordingHandler().handler);
    const error = await refusal(second);
    expect(error.code).toBe(ErrorCodes.INSTANCE_LOCKED);
    expect(error.message).toContain('个人微信');
    await first.stop();
  });

  it('a channel whose lock another instance took is stopped, with QLB_INSTANCE_LOCK_LOST', async () => {
    const log = createLogSink();
    const state = await instance(log.logger);
    let stopped = false;
    const channel: Adapter = { name: 'fake', start: async () => undefined, stop: async () => void (stopped = true) };
    const adapter = exclusive(channel, { locks: state.locks, lock: 'fake-channel', what: '测试渠道', logger: log.logger, ttlMs: 300 });
    await adapter.start(createRecordingHandler().handler);
    const taker = await instance();
    await new Promise((resolve) => setTimeout(resolve, 350)); // past the 300 ms expiry: time is what this checks (renewed, still held)
    expect((await taker.locks.acquire('fake-channel')).acquired).toBe(false);
    const redis = openRedis({ url: server.url, keyPrefix: 'qlb-exclusive:', logger: silentLogger() });
    await redis.ready(10_000);
    await redis.client.set('qlb-exclusive:lock:fake-channel', 'the-other-instance');
    await redis.close();
    await eventually(() => stopped, 5_000);
    expect(log.lines().some((line) => line.code === ErrorCodes.INSTANCE_LOCK_LOST)).toBe(true);
  });
});
