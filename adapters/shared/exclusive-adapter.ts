/**
 * A channel only one instance may run against the same Redis: Telegram long polling (two
 * pollers steal each other's updates; Telegram answers 409) and the personal WeChat account
 * (two logins throw each other out). The wrapped adapter starts only once this instance
 * holds the lock (with an expiry, renewed while it runs); another instance holding it makes
 * start fail with QLB_INSTANCE_LOCKED naming it. Should the lock go to another instance
 * (it expired while Redis was unreachable), this one stops the channel (QLB_INSTANCE_LOCK_LOST).
 */
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { InstanceLock, Locks } from '../../src/service/shared-state/shared-state.js';
import type { Adapter } from '../../src/types.js';

export interface ExclusiveOptions {
  locks: Locks;
  /** The lock's name: one per channel and account, e.g. `telegram-polling:123456`. */
  lock: string;
  /** The channel in words, for the message (`Telegram 轮询`, `个人微信`). */
  what: string;
  logger: Logger;
  /** How long a dead instance keeps the lock, in ms (default 30 s). */
  ttlMs?: number;
}

/** Wraps `adapter` so that it runs in one instance at most. */
export function exclusive(adapter: Adapter, options: ExclusiveOptions): Adapter {
  let held: InstanceLock | undefined;
  return {
    name: adapter.name,
    ...(adapter.push ? { push: (conversationId: string, text: string) => (held ? adapter.push!(conversationId, text) : Promise.resolve(false)) } : {}),
    async start(handler) {
      const result = await options.locks.acquire(options.lock, { ttlMs: options.ttlMs });
      if (!result.acquired) {
        throw new BotError(
          ErrorCodes.INSTANCE_LOCKED,
          `${options.what}已由另一个实例(${result.holder})在同一个 Redis 上运行,同一账号只能有一个实例;本实例不启动它。其余渠道可在多个实例上运行;要换到本实例,先停掉那一个(锁在它停止后释放,进程意外退出时最多 ${Math.round((options.ttlMs ?? 30_000) / 1000)} 秒后过期)。`,
          [`lock=${options.lock}`, `holder=${result.holder}`],
        );
      }
      const lock = result.lock;
      lock.onLost(() => {
        if (held !== lock) return;
        held = undefined;
        options.logger.error(
          { code: ErrorCodes.INSTANCE_LOCK_LOST, lock: options.lock, adapter: adapter.name },
          `${options.what}: another instance took the lock while Redis was unreachable; stopping the channel here`,
        );
        void adapter.stop();
      });
      held = lock;
      try {
        await adapter.start(handler);
      } catch (error) {
        held = undefined;
        await lock.release();
        throw error;
      }
    },
    async stop() {
      const lock = held;
      held = undefined;
      await adapter.stop();
      await lock?.release();
    },
  };
}
