/**
 * The adapters `serve` can start, each created only when its configuration is present and
 * imported only then, so an unused platform library is never loaded.
 */
import { createHmac } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../src/service/config/config.js';
import type { Logger } from '../src/logger.js';
import type { Locks, SharedCache } from '../src/service/shared-state/shared-state.js';
import type { Adapter } from '../src/types.js';
import { exclusive } from './shared/exclusive-adapter.js';
import type { WechatMpAdapter } from './wechat-mp/index.js';

/** What the composition root shares with every adapter. */
export interface AdapterContext {
  /** The core's salted conversation hash, so adapter log lines join up with the core's `conv`. */
  hashConversation?: (key: string) => string;
  /** The instances' locks: Telegram polling and personal WeChat run in one instance at most. */
  locks?: Locks;
}

/**
 * The webhook secret of instances that share a bot (Telegram accepts letters, digits, _ and -):
 * the same in every instance, and unguessable without the token.
 */
export function sharedWebhookSecret(token: string): string {
  return createHmac('sha256', token).update('qujiang-legal-bot telegram webhook').digest('hex');
}

/** An adapter whose routes live on the HTTP server: mount `plugin` there before it starts. */
export interface MountedAdapter extends Adapter {
  readonly plugin: FastifyPluginAsync | undefined;
}

/** True when `adapter` has routes to mount on the HTTP server. */
export function hasRoutes(adapter: Adapter): adapter is MountedAdapter & { plugin: FastifyPluginAsync } {
  return typeof (adapter as Partial<MountedAdapter>).plugin === 'function';
}

/** Creates every adapter whose configuration is present, in a stable order. */
export async function createConfiguredAdapters(
  config: Config,
  logger: Logger,
  context: AdapterContext = {},
): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const shared = { dataDir: config.dataDir, hashConversation: context.hashConversation };
  const single = (adapter: Adapter, lock: string, what: string) =>
    context.locks ? exclusive(adapter, { locks: context.locks, lock, what, logger: logger.child({ adapter: adapter.name }) }) : adapter;
  if (config.telegram) {
    const { createTelegramAdapter } = await import('./telegram/index.js');
    // Instances behind one webhook URL must check the same secret: unless one is set, derive it from the token.
    const webhookSecret = config.telegram.webhookSecret ?? (config.redis ? sharedWebhookSecret(config.telegram.token) : undefined);
    // A webhook lives on the HTTP server (it starts whenever one is configured): mount `plugin` there.
    const webhookServer = config.telegram.webhookUrl && config.http.enabled ? 'shared' : 'own';
    const telegram = createTelegramAdapter({ ...config.telegram, webhookSecret, webhookServer, ...shared, logger: logger.child({ adapter: 'telegram' }) });
    // A webhook may be served by any number of instances; polling by one (the bot's id is the token's public part).
    const botId = config.telegram.token.split(':')[0] ?? '';
    adapters.push(config.telegram.webhookUrl ? telegram : single(telegram, `telegram-polling:${botId}`, 'Telegram 轮询'));
  }
  if (config.wechat) {
    const { createWechatAdapter } = await import('./wechat/index.js');
    const wechat = createWechatAdapter({ ...config.wechat, ...shared, logger: logger.child({ adapter: 'wechat' }) });
    adapters.push(single(wechat, 'wechat-personal', '个人微信'));
  }
  return adapters;
}

/**
 * The official account's adapter when configured. Its routes live on the HTTP server: mount
 * `plugin` there before the server starts, and start the adapter after it.
 */
export async function createConfiguredWechatMp(
  config: Config,
  logger: Logger,
  shared?: { cache: SharedCache; locks: Locks },
  hashConversation?: (key: string) => string,
): Promise<WechatMpAdapter | undefined> {
  if (!config.wechatMp) return undefined;
  const { createWechatMpAdapter } = await import('./wechat-mp/index.js');
  return createWechatMpAdapter({ ...config.wechatMp, shared, hashConversation, logger: logger.child({ adapter: 'wechat-mp' }) });
}
