/**
 * The Telegram adapter: telegraf for the Bot API client and long polling, our own listener
 * for webhooks. Updates are routed by {@link routeUpdate}, answered per chat in order
 * ({@link createChatQueues}) and sent paced and retried ({@link createOutbox}).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Adapter, MessageHandler } from '../../src/types.js';
import { createChatQueues, type ChatQueues } from './chat-queues.js';
import { createOutbox } from './outbox.js';
import { createResponder } from './responder.js';
import { DroppedError, describeError } from './retry.js';
import { settledWithin, stopPolling } from './stopping.js';
import { resolveOptions, type TelegramAdapterOptions } from './telegram-options.js';
import { routeUpdate } from './to-inbound.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';

/** The adapter, plus where its webhook listener ended up (useful with port 0). */
export interface TelegramAdapter extends Adapter {
  /** Port of the webhook listener while started in webhook mode; undefined otherwise. */
  readonly webhookPort: number | undefined;
}

/** Only what the bot answers; Telegram then does not even send the rest. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

interface Running {
  bot: Telegraf;
  queues: ChatQueues;
  /** Cuts waits short when stop gives up on queued replies. */
  abort: AbortController;
  /** Button answers sent outside the chat queues, awaited at stop. */
  inflight: Set<Promise<void>>;
  accepting: boolean;
  polling?: Promise<void>;
  webhook?: WebhookServer;
}

/** Same short hash as the core's `conv` log field for private chats, so log lines join up. */
function convOf(chatId: number | string): string {
  return createHash('sha256').update(`telegram:${chatId}`).digest('hex').slice(0, 12);
}

/** Creates the Telegram adapter; nothing connects before `start()`. */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const settings = resolveOptions(options);
  const { logger } = settings;
  let running: Running | undefined;
  let stopping: Promise<void> | undefined;

  const logFailure = (error: unknown, chatId: string) => {
    // A person who blocked the bot (403) or a reply dropped at stop is expected; the rest is a fault.
    const expected = error instanceof DroppedError || (error instanceof TelegramError && error.code === 403);
    logger[expected ? 'warn' : 'error'](
      { code: ErrorCodes.TELEGRAM_SEND_FAILED, conv: convOf(chatId), ...describeError(error) },
      'telegram: answering a message failed',
    );
  };

  async function connect(handler: MessageHandler): Promise<Running> {
    const bot = new Telegraf(settings.token, { telegram: settings.apiRoot ? { apiRoot: settings.apiRoot } : {} });
    try {
      bot.botInfo = await bot.telegram.getMe();
    } catch (error) {
      throw new BotError(
        ErrorCodes.TELEGRAM_CONNECT_FAILED,
        `telegram: getMe failed, check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT (${(error as Error).message})`,
        [],
        { cause: error },
      );
    }
    const username = bot.botInfo.username;
    const abort = new AbortController();
    const outbox = createOutbox(bot.telegram, settings.pacing, abort.signal, logger);
    const respond = createResponder({ handler, outbox, labels: settings.texts.feedback, logger });
    const state: Running = {
      bot,
      abort,
      inflight: new Set(),
      accepting: true,
      queues: createChatQueues({ maxPerChat: settings.maxPendingPerChat, onError: logFailure }),
    };

    const accept = (update: Update): boolean => {
      if (!state.accepting) return false;
      let routed;
      try {
        routed = routeUpdate(update, username);
      } catch (error) {
        // A malformed update must not take the process down (it arrives outside any try in webhook mode).
        logger.error({ code: ErrorCodes.TELEGRAM_UPDATE_UNREADABLE, err: error, updateId: update.update_id }, 'telegram update unreadable');
        return true;
      }
      // Every press gets an answer or the client spins; a vote gets its toast once the core thanked.
      if ('callback_query' in update && routed?.inbound.kind !== 'feedback') {
        const answered = outbox
          .answerButton(update.callback_query.id)
          .catch((error: unknown) => logger.warn(describeError(error), 'telegram: answering a button failed'))
          .finally(() => state.inflight.delete(answered));
        state.inflight.add(answered);
      }
      if (!routed) {
        logger.debug({ updateId: update.update_id }, 'telegram update ignored');
        return true;
      }
      const log = logger.child({ conv: convOf(routed.chatId) });
      if (!state.queues.push(String(routed.chatId), () => respond(routed, log))) {
        log.warn({ inbound: routed.inbound.kind, max: settings.maxPendingPerChat }, 'telegram: chat has too many waiting messages, one dropped');
      }
      return true;
    };

    try {
      await bot.telegram.setMyCommands(
        (['start', 'help', 'menu'] as const).map((command) => ({ command, description: settings.texts.commands[command] })),
      );
    } catch (error) {
      // Typed commands still work; only the client's command menu is missing.
      logger.warn(describeError(error), 'telegram: setMyCommands failed');
    }

    if (settings.webhookUrl) {
      const url = URL.canParse(settings.webhookUrl) ? new URL(settings.webhookUrl) : undefined;
      if (!url) throw new BotError(ErrorCodes.TELEGRAM_WEBHOOK_FAILED, 'telegram: TELEGRAM_WEBHOOK_URL is not a URL', ['TELEGRAM_WEBHOOK_URL']);
      const secret = settings.webhookSecret ?? randomBytes(32).toString('hex');
      state.webhook = await startWebhookServer({
        port: settings.webhookPort,
        host: settings.webhookHost,
        path: url.pathname,
        secret,
        onUpdate: accept,
        logger,
      });
      try {
        await bot.telegram.setWebhook(url.href, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
      } catch (error) {
        await state.webhook.close();
        throw new BotError(ErrorCodes.TELEGRAM_WEBHOOK_FAILED, `telegram: setWebhook failed (${(error as Error).message})`, [], { cause: error });
      }
    } else {
      // A webhook left by an earlier deployment makes getUpdates fail with 409; fail start() loudly instead.
      await bot.telegram.deleteWebhook();
      bot.use((ctx) => {
        accept(ctx.update);
      });
      bot.catch((error) => logger.error({ code: ErrorCodes.TELEGRAM_POLLING_FAILED, err: error }, 'telegram update failed'));
      state.polling = bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }).catch((error: unknown) => {
        logger.error({ code: ErrorCodes.TELEGRAM_POLLING_FAILED, ...describeError(error) }, 'telegram polling stopped; no more updates');
      });
    }
    logger.info({ bot: username, mode: settings.webhookUrl ? 'webhook' : 'polling' }, 'telegram adapter connected');
    return state;
  }

  async function disconnect(state: Running): Promise<void> {
    state.accepting = false;
    if (state.webhook) await state.webhook.close();
    if (state.polling) await stopPolling(state.bot, state.polling);
    const finished = Promise.all([state.queues.idle(), ...state.inflight]).then(() => true);
    if (!(await settledWithin(finished, settings.stopTimeoutMs))) {
      logger.warn({ pending: state.queues.pending }, 'telegram stop: replies still waiting are dropped');
      state.abort.abort(); // cuts pacing and retry waits short; what is left fails fast
      if (!(await settledWithin(finished, 1_000))) {
        // Only a core call that never returns gets here; stopping must not hang on it.
        logger.error({ code: ErrorCodes.TELEGRAM_STOP_TIMEOUT, pending: state.queues.pending }, 'telegram stop: a reply never finished');
      }
    }
    logger.info('telegram adapter stopped');
  }

  return {
    name: 'telegram',
    get webhookPort() {
      return running?.webhook?.port;
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
