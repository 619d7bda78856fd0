/**
 * Start, login, stop and configuration: what an operator sees when running the adapter.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ScanStatus, types } from 'wechaty';
import { createConfiguredAdapters } from '../../../adapters/registry.js';
import { createWechatAdapter } from '../../../adapters/wechat/index.js';
import { EventEmitter } from 'node:events';
import { keepWechat4uSession } from '../../../adapters/wechat/keep-session.js';
import { loadPuppet, routeUncaught } from '../../../adapters/wechat/load-puppet.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { BotError } from '../../../src/errors.js';
import { createLogger, silentLogger } from '../../../src/logger.js';
import { eventually } from '../../doubles/eventually.js';
import { createRecordingHandler } from '../../doubles/recording-handler.js';
import { setup, type Setup } from './wechat-setup.js';

/** A logger writing JSON lines into an array. */
function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines, messages: () => lines.map((line) => String(line.msg)) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('wechat adapter lifecycle', () => {
  let current: Setup | undefined;
  afterEach(async () => {
    await current?.adapter.stop();
    await current?.cleanup();
    current = undefined;
  });

  it('logs the scan URL, draws the QR code, and logs login and logout', async () => {
    const drawn: string[] = [];
    const { logger, lines, messages } = captureLogger();
    current = await setup({ logger, drawQr: async (value) => Boolean(drawn.push(value)) });
    const { world } = current;
    await current.adapter.start(createRecordingHandler().handler);
    world.mocker.scan('https://login.weixin.qq.com/l/abc123', ScanStatus.Waiting);
    await eventually(() => drawn.length > 0);
    expect(drawn).toEqual(['https://login.weixin.qq.com/l/abc123']);
    const scan = lines.find((line) => String(line.msg).startsWith('wechat login: scan'));
    expect(scan).toMatchObject({ qrcode: 'https://login.weixin.qq.com/l/abc123' });
    expect(String(scan?.imageUrl)).toContain(encodeURIComponent('https://login.weixin.qq.com/l/abc123'));
    await eventually(() => messages().includes('wechat logged in'));
    await world.puppet.logout('test');
    await eventually(() => messages().includes('wechat logged out: a new scan may be needed'));
    expect(messages()).toContain('wechat logged out: a new scan may be needed');
  });

  it('accepts a friend request and greets with the menu when auto-accept is on', async () => {
    current = await setup({ autoAccept: true });
    const { world } = current;
    const { handler, received } = createRecordingHandler();
    await current.adapter.start(handler);
    const carol = world.person('carol', { friend: false } as never);
    let accepted = '';
    const puppet = world.puppet as unknown as Record<string, unknown>;
    // The mock has no friend requests of its own: give it one from carol.
    puppet.friendshipRawPayload = async (id: string) => ({
      id,
      contactId: carol.id,
      hello: '你好',
      timestamp: Date.now(),
      type: types.Friendship.Receive,
    });
    puppet.friendshipAccept = async (id: string) => void (accepted = id);
    world.puppet.emit('friendship', { friendshipId: 'f-1' });
    const [greeting] = await world.waitForSent(0);
    expect(accepted).toBe('f-1');
    expect(received[0]).toMatchObject({ kind: 'command', command: 'start', conversationId: carol.id, isGroup: false });
    expect(greeting).toMatchObject({ to: carol.id, text: 'kind:command' });
  });

  it('stops cleanly: no answers after stop, unsent replies dropped with a log line', async () => {
    const { logger, messages } = captureLogger();
    current = await setup({
      logger,
      pacing: { minGapMs: 60_000, jitterMs: 0, roomPerMinute: 10, dailyCap: 100 },
      stopDrainMs: 20,
    });
    const { world } = current;
    const { handler, received } = createRecordingHandler();
    await current.adapter.start(handler);
    const alice = world.person('alice');
    alice.say('一').to(world.user);
    alice.say('二').to(world.user);
    await world.waitForSent(0);
    await current.adapter.stop();
    expect(world.sent.map((message) => message.text)).toEqual(['echo:一']);
    expect(messages()).toContain('wechat stopping: unsent replies dropped');
    expect(messages()).toContain('wechat adapter stopped');
    alice.say('三').to(world.user);
    await pause(50); // nothing must happen after stop: only time can show it
    expect(received).toHaveLength(2);
  });
});

describe('wechat puppet loading and configuration', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('loads a puppet by package name only at start, keeping the session under the data dir', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qlb-wechat-'));
    dirs.push(dataDir);
    const adapter = createWechatAdapter({ puppet: 'wechaty-puppet-mock', dataDir, logger: silentLogger(), drawQr: async () => false });
    expect(existsSync(path.join(dataDir, 'wechat'))).toBe(false);
    await adapter.start(createRecordingHandler().handler);
    expect(existsSync(path.join(dataDir, 'wechat'))).toBe(true);
    await adapter.stop();
  });

  it('says how to install a puppet that is missing, and refuses paths', async () => {
    await expect(loadPuppet('wechaty-puppet-not-installed')).rejects.toThrow(/npm install wechaty-puppet-not-installed/);
    await expect(loadPuppet('../../etc/evil')).rejects.toBeInstanceOf(BotError);
  });

  it('reads the WeChat settings with safe defaults, and the registry creates the adapter without connecting', async () => {
    const config = loadConfig({ WECHATY_PUPPET: 'wechaty-puppet-mock', WECHAT_ROOMS: '法律明白人群' });
    expect(config.wechat).toEqual({
      puppet: 'wechaty-puppet-mock',
      puppetToken: undefined,
      rooms: ['法律明白人群'],
      botName: undefined,
      autoAccept: false,
      maxReplyChars: 600,
      pacing: { minGapMs: 2_000, jitterMs: 1_500, roomPerMinute: 10, dailyCap: 500 },
    });
    const custom = loadConfig({ WECHATY_PUPPET: 'x', WECHAT_AUTO_ACCEPT: 'true', WECHAT_MIN_GAP_MS: '3000', WECHAT_BOT_NAME: '小曲' });
    expect(custom.wechat).toMatchObject({ autoAccept: true, botName: '小曲', pacing: { minGapMs: 3_000 } });
    expect(() => loadConfig({ WECHATY_PUPPET: 'x', WECHAT_MIN_GAP_MS: '10' })).toThrow(/WECHAT_MIN_GAP_MS/);
    expect(() => loadConfig({ WECHATY_PUPPET: 'x', WECHAT_AUTO_ACCEPT: 'maybe' })).toThrow(/WECHAT_AUTO_ACCEPT/);
    const adapters = await createConfiguredAdapters(config, silentLogger());
    expect(adapters.map((adapter) => adapter.name)).toEqual(['wechat']);
  });
});

describe('wechat puppet quirks', () => {
  it('stops a wechat4u puppet without logging out or forgetting the saved session', async () => {
    const client = Object.assign(new EventEmitter(), { logout: async () => 'logged out' });
    let forgotten = false;
    client.on('logout', () => void (forgotten = true));
    expect(keepWechat4uSession({ wechat4u: client })).toBe(true);
    client.emit('logout');
    expect(forgotten).toBe(false);
    await expect(client.logout()).resolves.not.toBe('logged out');
    expect(keepWechat4uSession({})).toBe(false);
    expect(keepWechat4uSession(undefined)).toBe(false);
  });

  it('routes an uncaughtException handler a puppet installs to the log', () => {
    const { logger, messages } = captureLogger();
    const before = new Set<unknown>(process.listeners('uncaughtException'));
    const printed: unknown[] = [];
    const puppetHandler = (error: Error) => void printed.push(error);
    process.on('uncaughtException', puppetHandler);
    try {
      routeUncaught(before, logger);
      const added = process.listeners('uncaughtException').filter((listener) => !before.has(listener));
      expect(added).toHaveLength(1);
      expect(added[0]).not.toBe(puppetHandler);
      (added[0] as (error: Error) => void)(new Error('inside the puppet'));
      expect(printed).toEqual([]);
      expect(messages()).toContain('uncaught exception (kept running, as the WeChat puppet expects)');
      for (const listener of added) process.removeListener('uncaughtException', listener);
    } finally {
      process.removeListener('uncaughtException', puppetHandler);
    }
  });
});
