/**
 * The WeChat adapter: wechaty events in, paced replies out. Lifecycle only; the rules live in
 * route-message (who is answered), responder (limits, core, parts) and send-queue (pacing).
 */
import path from 'node:path';
import { WechatyBuilder, type Message, type Room, type Wechaty } from 'wechaty';
import { ErrorCodes } from '../../src/errors.js';
import { ensureDir } from '../../src/fs/ensure-dir.js';
import { settlesWithin } from '../../src/service/time/clock.js';
import type { Adapter, MessageHandler } from '../../src/types.js';
import { createAccountLimits } from './account-limits.js';
import { acceptFriend } from './auto-accept.js';
import { createAwaitedAnswers } from './awaited-answers.js';
import { keepWechat4uSession } from './keep-session.js';
import { logLifecycle } from './lifecycle-log.js';
import { loadPuppet, type PuppetInstance } from './load-puppet.js';
import { drawQr } from './qr-terminal.js';
import { createResponder, type Responder } from './responder.js';
import { routeMessage, type RouteContext } from './route-message.js';
import { createSendQueue, type SendQueue } from './send-queue.js';
import { resolveSettings, type WechatAdapterOptions } from './wechat-options.js';

/** File name (without `.memory-card.json`) of the login session under `<dataDir>/wechat/`. */
const MEMORY_CARD = 'legal-bot';

/**
 * Creates the WeChat adapter. Nothing is loaded or connected before `start()`; `start()`
 * resolves once the puppet runs (the login scan may still be pending: watch the log).
 */
export function createWechatAdapter(options: WechatAdapterOptions): Adapter {
  const settings = resolveSettings(options);
  const { logger, dataDir } = options;
  let bot: Wechaty | undefined;
  let queue: SendQueue | undefined;
  let accepting = false;
  let stopping: Promise<void> | undefined;
  const inflight = new Set<Promise<void>>();

  // Handlers run detached from wechaty's emitter; `stop()` waits for the ones in progress.
  const track = (work: Promise<void>) => {
    const tracked = work.catch((error: unknown) =>
      logger.error({ err: error, code: ErrorCodes.WECHAT_MESSAGE_FAILED }, 'wechat message handling failed'),
    );
    inflight.add(tracked);
    void tracked.finally(() => inflight.delete(tracked));
  };

  const botNames = async (running: Wechaty, room: Room): Promise<string[]> => {
    const names = [...settings.botNames];
    if (!running.isLoggedIn) return names;
    const self = running.currentUser;
    names.push(self.name());
    const alias = await room.alias(self).catch(() => undefined);
    if (alias) names.push(alias);
    return names;
  };

  const onMessage = async (message: Message, context: RouteContext, responder: Responder) => {
    if (!accepting) return;
    const route = await routeMessage(message, context);
    if (!route.answer) {
      logger.debug({ reason: route.reason }, 'wechat message not answered');
      return;
    }
    await responder.answer(route.inbound, { talker: route.talker, room: route.room });
  };

  const shutdown = async () => {
    accepting = false;
    if (!bot) return;
    // Answers being computed are finished, but a puppet call that hangs must not block the exit.
    await settlesWithin(Promise.allSettled([...inflight]), settings.stopDrainMs, settings.clock);
    const dropped = (await queue?.close(settings.stopDrainMs)) ?? 0;
    if (settings.keepSession && keepWechat4uSession(puppetOf(bot))) logger.info('wechat stopping without logging out');
    await bot.stop().catch((error: unknown) => logger.warn({ err: error }, 'wechat stop failed'));
    logger.info({ dropped }, 'wechat adapter stopped');
    bot = undefined;
  };

  return {
    name: 'wechat',

    async start(handler: MessageHandler) {
      if (bot || stopping) return;
      const named = typeof options.puppet === 'string' ? options.puppet : undefined;
      const puppet = named ? await loadPuppet(named, options.puppetToken, logger) : (options.puppet as PuppetInstance);
      const memoryDir = path.join(dataDir, 'wechat');
      // The session lives outside git (DATA_DIR is ignored) so a restart does not need a new scan.
      ensureDir(memoryDir);
      const running = WechatyBuilder.build({ name: path.join(memoryDir, MEMORY_CARD), puppet });
      const { pacing, clock } = settings;
      queue = createSendQueue({
        minGapMs: pacing.minGapMs,
        jitterMs: pacing.jitterMs,
        maxLength: settings.maxQueue,
        clock,
        random: settings.random,
        logger,
      });
      const awaited = createAwaitedAnswers(clock);
      const responder = createResponder({
        handler,
        onReplyInRoom: (roomId, talkerId, reply) => awaited.replied(roomId, talkerId, reply.awaits),
        limits: createAccountLimits(pacing, clock),
        queue,
        hash: settings.hash,
        texts: settings.texts,
        maxReplyChars: settings.maxReplyChars,
        logger,
      });
      const context: RouteContext = {
        rooms: settings.rooms,
        botNames: (room) => botNames(running, room),
        awaitedAnswer: (roomId, talkerId, text) => awaited.take(roomId, talkerId, text),
        maxAgeMs: settings.maxMessageAgeMs,
        clock,
      };
      logLifecycle(running, { logger, clock, drawQr: options.drawQr ?? ((value) => drawQr(value)) });
      running.on('message', (message) => track(onMessage(message, context, responder)));
      if (settings.autoAccept) {
        running.on('friendship', (friendship) => {
          if (accepting) track(acceptFriend(friendship, responder, logger));
        });
      }
      bot = running;
      accepting = true;
      try {
        await running.start();
      } catch (error) {
        accepting = false;
        bot = undefined;
        throw error;
      }
      logger.info({ puppet: named ?? 'instance' }, 'wechat adapter started');
    },

    stop() {
      stopping ??= shutdown();
      return stopping;
    },
  };
}

// wechaty's `puppet` getter throws until the puppet is set (stop during a slow start).
function puppetOf(bot: Wechaty): unknown {
  try {
    return bot.puppet;
  } catch {
    return undefined;
  }
}
