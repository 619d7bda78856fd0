/**
 * The official-account (公众号) adapter. `plugin` serves WeChat's requests on the HTTP
 * server; `start(handler)` opens it to messages and `stop()` closes it again, finishing
 * the replies still owed. Until started, requests are answered 503 and WeChat retries.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { LRUCache } from 'lru-cache';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Adapter, MessageHandler } from '../../src/types.js';
import { createMpApi } from './mp-api.js';
import { createMsgCrypt } from './msg-crypt.js';
import type { Passive } from './plan-reply.js';
import { createReplayGuard, rememberMs } from './replay-guard.js';
import { createResponder, type Responder } from './responder.js';
import { ADAPTER_NAME } from './to-inbound.js';
import { wechatMpRoutes } from './routes.js';
import { routeMessage } from './to-inbound.js';
import { resolveOptions, type WechatMpAdapterOptions } from './wechat-mp-options.js';
import type { XmlFields } from './xml.js';

export interface WechatMpAdapter extends Adapter {
  /** Where the plugin serves WeChat (WECHAT_MP_PATH). */
  readonly path: string;
  /**
   * The fastify plugin serving GET (handshake) and POST (messages) on `path`; register it
   * without a prefix (on the web server: `server.mount(adapter.plugin)`).
   */
  readonly plugin: FastifyPluginAsync;
}

interface Running {
  responder: Responder;
  /** Cuts API waits short when stop gives up on owed replies. */
  abort: AbortController;
  /** Answers per message, kept while WeChat may retry it (or its signed URL be sent again), so a retry gets the same answer. */
  answers: LRUCache<string, Promise<Passive | undefined>>;
}

/** Creates the adapter; nothing is served before `start()`. */
export function createWechatMpAdapter(options: WechatMpAdapterOptions): WechatMpAdapter {
  const settings = resolveOptions(options);
  const { logger } = settings;
  const crypt = settings.aesKey ? createMsgCrypt({ token: settings.token, encodingAesKey: settings.aesKey, appId: settings.appId }) : undefined;
  // The key the core logs this conversation under (see toInbound), so adapter and core lines join up.
  const conv = (openId: string) => settings.hashConversation(`${ADAPTER_NAME}:${openId}`);
  let running: Running | undefined;
  let stopping: Promise<void> | undefined;
  const window = { replayWindowSeconds: settings.replayWindowSeconds, clockSkewSeconds: settings.clockSkewSeconds };
  // The replay guard lets the same signed request through as long as it remembers its URL;
  // the dedup must remember the message at least as long, or an identical replay after it
  // forgot would reach the core a second time.
  const dedupMs = Math.max(settings.dedupMs, rememberMs(window));

  const onMessage = (fields: XmlFields): Promise<Passive | undefined> | undefined => {
    const state = running;
    if (!state) return undefined;
    const routed = routeMessage(fields, { handoff: settings.handoff });
    const known = state.answers.get(routed.dedupKey);
    if (known) {
      logger.info({ conv: conv(fields.FromUserName ?? '') }, 'wechat-mp: WeChat retried a message; answered once');
      return known;
    }
    if ('ignored' in routed) logger.debug({ reason: routed.ignored }, 'wechat-mp: nothing to answer');
    // A retry may land on another instance (behind a load balancer): the first to claim the message answers it.
    const answer =
      'ignored' in routed
        ? Promise.resolve(undefined)
        : settings.shared.cache.claim(`wechat-mp:msg:${routed.dedupKey}`, dedupMs).then((first) => {
            if (first) return state.responder.answer(routed.inbound, routed.userMessage);
            logger.info({ conv: conv(fields.FromUserName ?? '') }, 'wechat-mp: WeChat retried a message another instance is answering; answered there');
            return undefined;
          });
    state.answers.set(routed.dedupKey, answer);
    return answer;
  };

  const plugin = wechatMpRoutes({
    path: settings.path,
    token: settings.token,
    crypt,
    window,
    replays: createReplayGuard({ ...window, shared: settings.shared.cache, clock: settings.clock }),
    accepting: () => running !== undefined,
    clock: settings.clock,
    logger,
    onMessage,
  });

  async function finish(state: Running): Promise<void> {
    const done = state.responder.idle().then(() => true);
    // Unreferenced timers: a quick stop must not keep the process alive for the whole timeout.
    const timeout = sleep(settings.stopTimeoutMs, false, { ref: false });
    if (!(await Promise.race([done, timeout]))) {
      logger.warn({ code: ErrorCodes.WECHAT_MP_STOP_TIMEOUT }, 'wechat-mp stop: replies still owed are dropped');
      state.abort.abort();
      await Promise.race([done, sleep(1_000, false, { ref: false })]);
    }
    logger.info('wechat-mp adapter stopped');
  }

  return {
    name: 'wechat-mp',
    path: settings.path,
    plugin,
    async start(handler: MessageHandler) {
      if (stopping) await stopping;
      if (running) throw new BotError(ErrorCodes.ADAPTER_ALREADY_STARTED, 'wechat-mp adapter is already started');
      const abort = new AbortController();
      const api = createMpApi({ ...settings, signal: abort.signal });
      const { handoff, replyBudgetMs: budgetMs, errorText } = settings;
      running = {
        abort,
        responder: createResponder({ handler, api, handoff, budgetMs, errorText, logger, conv }),
        // On the adapter's clock, read at every check (lru-cache would reuse a reading for 1 ms).
        answers: new LRUCache({ max: 10_000, ttl: dedupMs, perf: { now: () => settings.clock.now() }, ttlResolution: 0 }),
      };
      logger.info({ path: settings.path, mode: crypt ? 'encrypted only (safe or compatible)' : 'plaintext', handoff: settings.handoff }, 'wechat-mp adapter started');
    },
    async stop() {
      if (running) {
        const state = running;
        running = undefined;
        stopping = finish(state).finally(() => {
          stopping = undefined;
        });
      }
      await stopping;
    },
  };
}

/** Any fastify instance, whatever its logger type (a pino logger as `loggerInstance` changes it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFastify = FastifyInstance<any, any, any, any, any>;

/** Registers the adapter's routes on `server` (the HTTP server of `serve`), before it listens. */
export function registerWechatMp(server: AnyFastify, adapter: WechatMpAdapter): void {
  void server.register(adapter.plugin);
}
