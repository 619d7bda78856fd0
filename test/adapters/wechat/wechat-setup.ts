/**
 * Starts the WeChat adapter on a fake WeChat (wechaty-puppet-mock) for the tests in this
 * folder, the way production would, then logs the bot in as a QR scan would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createWechatAdapter, type WechatAdapterOptions, type WechatPacing } from '../../../adapters/wechat/index.js';
import { neverRejecting } from '../../doubles/never-rejecting.js';
import { silentLogger } from '../../../src/logger.js';
import type { Adapter, MessageHandler } from '../../../src/types.js';
import { createWechatWorld, type WechatWorld } from '../../doubles/wechat-world.js';

/** Pacing small enough for tests; pacing itself is tested with fake timers. */
export const FAST: WechatPacing = { minGapMs: 1, jitterMs: 0, roomPerMinute: 100, dailyCap: 10_000 };
/** The bot account's name. */
export const BOT = '曲江法律助手';

/** How the adapter is started in production: behind the core's safe handler. */
export const wrap = (handler: MessageHandler) =>
  neverRejecting(handler);

export interface Setup {
  world: WechatWorld;
  /** `start()` starts the adapter, then logs the bot account in. */
  adapter: Adapter;
  /** Removes the temporary data directory (memory card). */
  cleanup(): Promise<void>;
}

/** Creates a fake WeChat and an adapter on it (not started). */
export async function setup(options: Partial<WechatAdapterOptions> = {}): Promise<Setup> {
  const world = createWechatWorld(BOT, options.clock);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qlb-wechat-'));
  const real = createWechatAdapter({
    puppet: world.puppet,
    dataDir,
    logger: silentLogger(),
    pacing: FAST,
    drawQr: async () => false,
    ...options,
  });
  const adapter: Adapter = {
    name: real.name,
    async start(handler) {
      await real.start(handler);
      world.login();
    },
    stop: () => real.stop(),
  };
  return { world, adapter, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}
