/**
 * The Telegram adapter (telegraf). Imported by the registry only when `TELEGRAM_BOT_TOKEN`
 * is set, so telegraf is never loaded by deployments that do not use Telegram.
 */
export { createTelegramAdapter, type TelegramAdapter } from './telegram-adapter.js';
export {
  defaultPacing,
  defaultTexts,
  type TelegramAdapterOptions,
  type TelegramPacing,
  type TelegramTexts,
} from './telegram-options.js';
export { toInbound, routeUpdate, kindOf, type RoutedUpdate } from './to-inbound.js';
export { renderReply, replyKeyboard, MAX_MESSAGE_LENGTH } from './render-reply.js';
export { encodeFeedback, encodeChoice, decodeButton, type ButtonAction } from './callback-data.js';
export { parseCommand, mentions, stripMention, MENU_COMMANDS } from './commands.js';
export { createThrottle, type Throttle } from './throttle.js';
export { asUpdate, createWebhookHandler, type WebhookHandler, type WebhookRequest, type WebhookResponse } from './webhook.js';
export { retryDelay, withRetry, isNetworkError } from './retry.js';
