/**
 * The reload broadcast on Redis pub/sub: an instance that reloaded its knowledge base (a
 * saved edit it watched, /reload, SIGHUP) publishes it, and every other instance reloads its
 * own copy. A message from this instance itself is ignored. Broadcasts sent while this
 * instance was cut off from Redis are lost, so it reloads once when the subscription is back.
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import type { ReloadBus } from './reload-bus.js';

interface Broadcast {
  from: string;
  reason: string;
}

export function createRedisReloadBus(redis: RedisConnection, instance: string, logger: Logger): ReloadBus {
  const channel = `${redis.prefix}reload`;
  const listeners = new Set<(reason: string) => void>();
  let subscriber: ReturnType<RedisConnection['duplicate']> | undefined;
  let connectedOnce = false;

  const tell = (reason: string) => {
    for (const listener of listeners) listener(reason);
  };
  const start = () => {
    const connection = redis.duplicate();
    subscriber = connection;
    connection.on('message', (from: string, raw: string) => {
      if (from !== channel) return;
      let message: Broadcast;
      try {
        message = JSON.parse(raw) as Broadcast;
      } catch {
        logger.warn({ code: ErrorCodes.REDIS_UNAVAILABLE, channel }, 'an unreadable reload broadcast was ignored');
        return;
      }
      if (message.from === instance) return;
      logger.info({ from: message.from, reason: message.reason }, 'another instance reloaded the knowledge base; reloading here');
      tell('broadcast');
    });
    // Every connection subscribes anew (see duplicate()); after the first, broadcasts may have been missed.
    connection.on('ready', () => {
      connection.subscribe(channel).catch((error: unknown) =>
        logger.warn({ code: ErrorCodes.REDIS_UNAVAILABLE, err: error }, 'subscribing to reload broadcasts failed; trying again with the next connection'),
      );
      if (connectedOnce) tell('broadcast-missed');
      connectedOnce = true;
    });
  };

  return {
    async publish(reason) {
      const sent = await redis.run('reload-publish', (client) => client.publish(channel, JSON.stringify({ from: instance, reason } satisfies Broadcast)));
      if (sent === undefined) logger.warn({ code: ErrorCodes.REDIS_UNAVAILABLE, reason }, 'the reload was not broadcast (Redis unreachable); other instances reload on their own or when Redis is back');
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!subscriber) start();
      return () => listeners.delete(listener);
    },
  };
}
