/**
 * The adapters `serve` can start, each created only when its configuration is present and
 * imported only then, so an unused platform library is never loaded.
 */
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';
import type { Adapter } from '../src/types.js';
import type { WechatMpAdapter } from './wechat-mp/index.js';

/** What the composition root shares with every adapter. */
export interface AdapterContext {
  /** The core's salted conversation hash, so adapter log lines join up with the core's `conv`. */
  hashConversation?: (key: string) => string;
}

/** Creates every adapter whose configuration is present, in a stable order. */
export async function createConfiguredAdapters(
  config: Config,
  logger: Logger,
  context: AdapterContext = {},
): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const shared = { dataDir: config.dataDir, hashConversation: context.hashConversation };
  if (config.telegram) {
    const { createTelegramAdapter } = await import('./telegram/index.js');
    adapters.push(createTelegramAdapter({ ...config.telegram, ...shared, logger: logger.child({ adapter: 'telegram' }) }));
  }
  if (config.wechat) {
    const { createWechatAdapter } = await import('./wechat/index.js');
    adapters.push(createWechatAdapter({ ...config.wechat, ...shared, logger: logger.child({ adapter: 'wechat' }) }));
  }
  return adapters;
}

/**
 * The official account's adapter when configured. Its routes live on the HTTP server: mount
 * `plugin` there before the server starts, and start the adapter after it.
 */
export async function createConfiguredWechatMp(config: Config, logger: Logger): Promise<WechatMpAdapter | undefined> {
  if (!config.wechatMp) return undefined;
  const { createWechatMpAdapter } = await import('./wechat-mp/index.js');
  return createWechatMpAdapter({ ...config.wechatMp, logger: logger.child({ adapter: 'wechat-mp' }) });
}
