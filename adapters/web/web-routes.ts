/**
 * The web adapter: the JSON API (`/api/v1/…`) and the resident chat page (`/`). Every request
 * becomes one {@link InboundMessage} for the core's handler; the reply goes back as
 * `toReplyJson` gives it, the same shape `ask --json` prints; the page's form posts to `/ask`
 * (ask-form.ts) when its scripts have not run. Requests must be JSON (415
 * otherwise, a missing body too); a message with a `clientMessageId` is handled once however
 * often it is retried; a 👍 / 👎 the core did not count is refused with 409. The per-address
 * limit never refuses a message that reads as danger now: the core answers it with 110/120 first
 * (its own per-conversation limit runs after the emergency step), however busy the address. A calculation asked
 * for with its inputs (POST /api/v1/calculate, the page's "算一算") is not a message: it goes
 * to the app's calculators and comes back as the same reply shape.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { toReplyJson, type ReplyJson } from '../../src/reply-json.js';
import type { SharedCache } from '../../src/service/shared-state/shared-state.js';
import type { CalculationForm } from '../../src/answer/calculate/index.js';
import type { FormReply } from '../../src/app.js';
import type { MessageHandler } from '../../src/types.js';
import { CalculateRequest } from './calculate-schemas.js';
import { errorBody, httpError } from '../http/json-errors.js';
import { askForm } from './ask-form.js';
import { openApiDocument } from './openapi.js';
import { pageRoutes, publicDir, renderPage } from './page-routes.js';
import { createRetriedMessages } from './retried-messages.js';
import { ChoiceRequest, ErrorSchema, FeedbackRequest, MessageRequest, ReplyJsonSchema } from './schemas.js';
import { choiceToInbound, feedbackToInbound, messageToInbound, type ChoiceBody, type FeedbackBody, type MessageBody } from './to-inbound.js';

export interface WebRoutesOptions {
  handler: MessageHandler;
  /** Shown in the page's privacy note. */
  retentionDays: number;
  /** API requests per client address per minute; 0 = no limit. */
  ratePerMinute: number;
  /** The deployment's shared cache (Redis), so a retry sent to another instance is recognized too. */
  shared?: SharedCache;
  logger?: Logger;
  /**
   * Whether a message's text reads as danger now (the core's safety reading). Asked only of a
   * message over the per-address limit: such a message is answered, not refused with 429.
   */
  urgent?: (text: string) => boolean;
  /** The app's calculators for forms (`App.calculate`); without it there is no /api/v1/calculate. */
  calculate?: (form: CalculationForm) => FormReply;
}

const errorResponses = Object.fromEntries([400, 409, 413, 415, 429, 500].map((status) => [status, { $ref: 'Error#' }]));

/** Refuses, before the body is read, anything not sent as `application/json` (a missing body too). */
async function requireJson(request: FastifyRequest) {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw httpError(415, 'not sent as application/json');
}

/** Registers the API and the page. */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (fastify, options) => {
  const { handler } = options;
  for (const schema of [MessageRequest, ChoiceRequest, FeedbackRequest, CalculateRequest, ReplyJsonSchema, ErrorSchema]) fastify.addSchema(schema);
  const perMinute = { max: options.ratePerMinute, timeWindow: 60_000 };
  const limit = options.ratePerMinute > 0 ? { rateLimit: perMinute } : {};
  // Messages count against the same per-address limit when they arrive (a body too large counts
  // too), but are refused in the handler: only there is the text known, and a danger message over
  // the limit must still reach the core.
  const messageLimit = options.ratePerMinute > 0 ? fastify.createRateLimit(perMinute) : undefined;
  const counts = new WeakMap<FastifyRequest, { exceeded: boolean; ttl: number }>();
  const countMessage = async (request: FastifyRequest) => {
    const counted = await messageLimit?.(request);
    if (counted && !counted.isAllowed) counts.set(request, { exceeded: counted.isExceeded, ttl: counted.ttl });
  };
  const refuseOverLimit = (request: FastifyRequest, reply: FastifyReply, text: string | undefined) => {
    const counted = counts.get(request);
    if (!counted?.exceeded) return;
    if (text !== undefined && options.urgent?.(text)) {
      options.logger?.warn({ adapter: 'web' }, 'web: a message over the address limit reads as danger: answered, not refused');
      return;
    }
    reply.header('retry-after', String(Math.max(1, Math.ceil(counted.ttl / 1000))));
    throw httpError(429, 'too many requests from this address');
  };
  const retried = createRetriedMessages({
    shared: options.shared,
    onRetry: (where) => options.logger?.info({ adapter: 'web', where }, 'web: a retried message got the reply it already had'),
  });

  const route = <B>(url: string, body: string, answer: (body: B, reply: FastifyReply, request: FastifyRequest) => Promise<ReplyJson | FastifyReply>, limited = true) =>
    fastify.post<{ Body: B }>(
      url,
      {
        schema: { body: { $ref: `${body}#` }, response: { 200: { $ref: 'Reply#' }, ...errorResponses } },
        config: limited ? limit : {},
        onRequest: limited ? requireJson : [requireJson, countMessage],
      },
      async (request, reply) => answer(request.body as B, reply, request),
    );

  route<MessageBody>('/api/v1/messages', 'MessageRequest', async (body, reply, request) => {
    refuseOverLimit(request, reply, 'text' in body ? body.text : undefined);
    const handle = async () => toReplyJson(await handler(messageToInbound(body)));
    if (body.clientMessageId === undefined) return handle();
    const content = 'command' in body ? `command:${body.command}` : `text:${body.text}`;
    return retried.answer({ conversation: body.conversation, clientMessageId: body.clientMessageId, content }, handle);
  }, false);
  route<ChoiceBody>('/api/v1/choices', 'ChoiceRequest', async (body) => toReplyJson(await handler(choiceToInbound(body))));
  route<FeedbackBody>('/api/v1/feedback', 'FeedbackRequest', async (body, reply) => {
    const answered = await handler(feedbackToInbound(body));
    if (answered.voteCounted === false) return reply.code(409).send(errorBody(ErrorCodes.HTTP_FEEDBACK_REFUSED, answered.text));
    return toReplyJson(answered);
  });
  const { calculate } = options;
  if (calculate) {
    route<CalculationForm>('/api/v1/calculate', 'CalculateRequest', async (body, reply) => {
      const outcome = calculate(body);
      if (!outcome.ok) return reply.code(400).send(errorBody(ErrorCodes.HTTP_CALCULATION_INVALID, outcome.message));
      return toReplyJson(outcome.reply);
    });
  }

  const document = openApiDocument();
  fastify.get('/api/v1/openapi.json', async () => document);
  await fastify.register(pageRoutes, { retentionDays: options.retentionDays });
  // The page's own form, for a question sent before (or without) its scripts.
  await fastify.register(askForm, { handler, page: renderPage(publicDir(), options.retentionDays), config: limit });
};
