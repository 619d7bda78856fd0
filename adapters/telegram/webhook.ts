/**
 * The webhook as a request → response function, independent of any HTTP server, so the
 * adapter's own listener and a shared HTTP server mount the same thing. Telegram posts each
 * update with the secret given to setWebhook in the X-Telegram-Bot-Api-Secret-Token header.
 * An update is acknowledged (200) only once taken; beyond the intake's bounds it gets 429
 * and while stopping 503, so Telegram delivers it again later. Any body at all gets an
 * answer: what is not an update is logged and acknowledged, never thrown.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Update } from 'telegraf/types';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Intake } from './update-intake.js';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookRequest {
  /** Header names in lower case, as node:http and fastify give them. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body: any value at all. */
  body: unknown;
}

export interface WebhookResponse {
  status: number;
  body: string;
}

export interface WebhookHandler {
  /** 401 without the secret header, 403 with a wrong one; undefined when the secret is right. */
  refuse(headers: WebhookRequest['headers']): number | undefined;
  /** Answers one webhook call. Never throws. */
  handle(request: WebhookRequest): WebhookResponse;
}

const STATUS_TEXT: Record<number, string> = { 200: '', 401: 'Unauthorized', 403: 'Forbidden', 429: 'Too Many Requests', 503: 'Service Unavailable' };

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The body as an update when it has the one field every update has; undefined otherwise. */
export function asUpdate(body: unknown): Update | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const id = (body as { update_id?: unknown }).update_id;
  return Number.isSafeInteger(id) && (id as number) >= 0 ? (body as Update) : undefined;
}

/** What a body was, for the log (never its content). */
function shapeOf(body: unknown): string {
  if (body === null) return 'null';
  return Array.isArray(body) ? 'array' : typeof body;
}

export function createWebhookHandler(options: { secret: string; intake: Intake; logger: Logger }): WebhookHandler {
  const { logger } = options;
  const reply = (status: number): WebhookResponse => ({ status, body: STATUS_TEXT[status] ?? '' });

  const refuse = (headers: WebhookRequest['headers']) => {
    const given = headers[SECRET_HEADER];
    if (typeof given === 'string' && sameSecret(given, options.secret)) return undefined;
    // Two different mistakes to tell apart in logs: no header at all, or a wrong one.
    const status = given === undefined ? 401 : 403;
    logger.warn({ status }, 'telegram webhook request refused: bad secret');
    return status;
  };

  return {
    refuse,
    handle(request) {
      const refused = refuse(request.headers);
      if (refused) return reply(refused);
      const update = asUpdate(request.body);
      if (!update) {
        // Acknowledged: Telegram would only send the same useless body again.
        logger.warn({ code: ErrorCodes.TELEGRAM_UPDATE_UNREADABLE, body: shapeOf(request.body) }, 'telegram webhook body is not an update');
        return reply(200);
      }
      const offer = options.intake.offer(update);
      if (offer.outcome === 'busy') {
        logger.warn({ updateId: update.update_id, inFlight: options.intake.inFlight }, 'telegram webhook busy: update left for Telegram to deliver again');
        return reply(429);
      }
      return reply(offer.outcome === 'stopping' ? 503 : 200);
    },
  };
}
