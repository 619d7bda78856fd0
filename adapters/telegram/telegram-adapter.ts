/**
 * The Telegram adapter: telegraf's Bot API client, our own long polling (which confirms an
 * update only once answered) or webhook. Every update goes through the {@link createIntake}
 * (bounded, per chat in order), replies through the {@link createOutbox} (paced, retried,
 * cancelled at the stop deadline). Nothing acknowledged is lost: what a stop cannot finish
 * in time is left to Telegram (polling) or kept in DATA_DIR for the next start (webhook).
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { FastifyPluginAsync } from 'fastify';
import { Telegram, TelegramError } from 'telegraf';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { settlesWithin } from '../../src/service/time/clock.js';
import type { Adapter, MessageHandler } from '../../src/types.js';
import { keepUpdates, takeKeptUpdates } from './kept-updates.js';
import { createOutbox, type Outbox } from './outbox.js';
import { startPolling, type Polling } from './polling.js';
import { createResponder } from './responder.js';
import { describeError } from './retry.js';
import { resolveOptions, type TelegramAdapterOptions } from './telegram-options.js';
import { createIntake, type Intake } from './update-intake.js';
import { createWebhookHandler, type WebhookHandler } from './webhook.js';
import { webhookPlugin } from './webhook-route.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';

/** The adapter, plus its webhook for a shared HTTP server to mount. */
export interface TelegramAdapter extends Adapter {
  /**
   * With `webhookServer: 'shared'` and a webhook URL: the fastify plugin serving the webhook;
   * mount it on the HTTP server (`server.mount(adapter.plugin)`) before that starts.
   */
  readonly plugin: FastifyPluginAsync | undefined;
  /** Port of the adapter's own webhook listener while started in webhook mode. */
  readonly webhookPort: number | undefined;
  /** The webhook's path and request handler while started in webhook mode. */
  readonly webhook: { path: string; handler: WebhookHandler } | undefined;
}

/** Only what the bot answers; Telegram then does not even send the rest. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

interface Running {
  telegram: Telegram;
  intake: Intake;
  outbox: Outbox;
  /** Aborted at the stop deadline: cancels API calls in flight and every wait. */
  abort: AbortController;
  polling?: Polling;
  webhook?: { path: string; handler: WebhookHandler; server?: WebhookServer };
}

/** Creates the Telegram adapter; nothing connects before `start()`. */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const settings = resolveOptions(options);
  const { logger, clock } = settings;
  let running: Running | undefined;
  let stopping: Promise<void> | undefined;
  /** The webhook handler the shared server's route answers with, from setWebhook to the end of stop. */
  let shared: WebhookHandler | undefined;

  const logFailure = (error: unknown, log: Logger) => {
    // A person who blocked the bot (403) is expected; the rest is a fault.
    const blocked = error instanceof TelegramError && error.code === 403;
    log[blocked ? 'warn' : 'error']({ code: ErrorCodes.TELEGRAM_SEND_FAILED, ...describeError(error) }, 'telegram: answering a message failed');
  };

  async function connect(handler: MessageHandler): Promise<Running> {
    const telegram = new Telegram(settings.token, settings.apiRoot ? { apiRoot: settings.apiRoot } : {});
    let username: string;
    try {
      username = (await telegram.getMe()).username;
    } catch (error) {
      throw new BotError(
        ErrorCodes.TELEGRAM_CONNECT_FAILED,
        `telegram: getMe failed, check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (${(error as Error).message})`,
        [],
        { cause: error },
      );
    }
    const abort = new AbortController();
    // Every waiting send listens for the stop; their number is bounded by maxInFlight, not by this warning.
    setMaxListeners(0, abort.signal);
    const outbox = createOutbox(telegram, { pacing: settings.pacing, signal: abort.signal, clock, logger });
    const respond = createResponder({ handler, outbox, labels: settings.texts.feedback, logger });
    const intake = createIntake({
      username,
      respond,
      answerButton: (queryId) => outbox.answerButton(queryId),
      maxInFlight: settings.maxInFlight,
      maxPerChat: settings.maxPendingPerChat,
      hash: settings.hashConversation,
      logger,
      onFailure: logFailure,
    });
    const state: Running = { telegram, intake, outbox, abort };

    try {
      const commands = (['start', 'help', 'menu'] as const).map((command) => ({ command, description: settings.texts.commands[command] }));
      await telegram.callApi('setMyCommands', { commands });
    } catch (error) {
      // Typed commands still work; only the client's command menu is missing.
      logger.warn(describeError(error), 'telegram: setMyCommands failed');
    }

    const kept = takeKeptUpdates(settings.dataDir, logger);
    for (const update of kept.updates) intake.offer(update, { acknowledged: true });

    if (settings.webhookUrl) {
      const url = URL.canParse(settings.webhookUrl) ? new URL(settings.webhookUrl) : undefined;
      if (!url) throw new BotError(ErrorCodes.TELEGRAM_WEBHOOK_FAILED, 'telegram: TELEGRAM_WEBHOOK_URL is not a URL', ['TELEGRAM_WEBHOOK_URL']);
      const secret = settings.webhookSecret ?? randomBytes(32).toString('hex');
      const webhook = createWebhookHandler({ secret, intake, logger });
      const server =
        settings.webhookServer === 'own'
          ? await startWebhookServer({ port: settings.webhookPort, host: settings.webhookHost, path: url.pathname, handler: webhook, logger })
          : undefined;
      state.webhook = { path: url.pathname, handler: webhook, server };
      // Telegram posts as soon as setWebhook is set, before start() has returned.
      shared = webhook;
      try {
        await telegram.setWebhook(url.href, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
      } catch (error) {
        shared = undefined;
        await server?.close();
        throw new BotError(ErrorCodes.TELEGRAM_WEBHOOK_FAILED, `telegram: setWebhook failed (${(error as Error).message})`, [], { cause: error });
      }
    } else {
      // A webhook left by an earlier deployment makes getUpdates fail with 409; fail start() loudly instead.
      await telegram.deleteWebhook();
      state.polling = startPolling({
        telegram,
        intake,
        allowedUpdates: ALLOWED_UPDATES,
        timeoutSeconds: settings.pollTimeoutSeconds,
        answeredBefore: kept.answered,
        retry: settings.pacing,
        clock,
        logger,
      });
    }
    logger.info({ bot: username, mode: settings.webhookUrl ? 'webhook' : 'polling' }, 'telegram adapter connected');
    return state;
  }

  async function disconnect(state: Running): Promise<void> {
    const { intake } = state;
    intake.close();
    await Promise.all([state.webhook?.server?.close(), state.polling?.stop()]);
    if (!(await settlesWithin(intake.idle(), settings.stopTimeoutMs, clock))) {
      logger.warn({ code: ErrorCodes.TELEGRAM_STOP_TIMEOUT, pending: intake.inFlight }, 'telegram stop: deadline reached, cancelling what is under way');
      state.abort.abort();
      // Cancelled calls unwind at once; only a core call that never returns is left behind.
      await settlesWithin(intake.idle(), 1_000, clock);
    }
    await state.outbox.close();
    let answered: number[] = [];
    try {
      answered = (await state.polling?.confirm(AbortSignal.timeout(5_000))) ?? [];
    } catch (error) {
      logger.warn({ code: ErrorCodes.TELEGRAM_POLLING_FAILED, ...describeError(error) }, 'telegram stop: could not confirm the answered updates; they may be answered again');
    }
    // Polling leaves unanswered updates unconfirmed, so Telegram sends them again; a webhook's were acknowledged.
    const unanswered = state.webhook ? intake.unfinished() : [];
    const keptCount = keepUpdates(settings.dataDir, { updates: unanswered, answered }, logger);
    shared = undefined;
    logger.info({ unanswered: intake.unfinished().length, kept: keptCount }, 'telegram adapter stopped');
  }

  const sharedPath = settings.webhookServer === 'shared' && settings.webhookUrl && URL.canParse(settings.webhookUrl) ? new URL(settings.webhookUrl).pathname : undefined;
  return {
    name: 'telegram',
    async push(conversationId, text) {
      const chatId = Number(conversationId);
      if (!running || stopping || !Number.isSafeInteger(chatId)) return false;
      // A staff reply is plain text like any answer; group chats have negative ids.
      await running.outbox.send(chatId, { text }, { isGroup: chatId < 0 });
      return true;
    },
    plugin: sharedPath === undefined ? undefined : webhookPlugin(sharedPath, () => shared),
    get webhookPort() {
      return running?.webhook?.server?.port;
    },
    get webhook() {
      const webhook = running?.webhook;
      return webhook ? { path: webhook.path, handler: webhook.handler } : undefined;
    },
    async start(handler) {
      if (stopping) await stopping;
      if (running) throw new BotError(ErrorCodes.ADAPTER_ALREADY_STARTED, 'telegram adapter is already started');
      running = await connect(handler);
    },
    async stop() {
      if (running) {
        const state = running;
        running = undefined;
        stopping = disconnect(state).finally(() => {
          stopping = undefined;
        });
      }
      await stopping;
    },
  };
}
