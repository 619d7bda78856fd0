/**
 * The web adapter: the JSON API (`/api/v1/…`) and the resident chat page (`/`). Every request
 * becomes one {@link InboundMessage} for the core's handler; the reply goes back as
 * `toReplyJson` gives it, the same shape `ask --json` prints; the page's form posts to `/ask`
 * (ask-form.ts) when its scripts have not run. Requests must be JSON (415
 * otherwise, a missing body too); a message with a `clientMessageId` is handled once however
 * often it is retried; a 👍 / 👎 the core did not count is refused with 409.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { toReplyJson, type ReplyJson } from '../../src/reply-json.js';
import type { SharedCache } from '../../src/service/shared-state/shared-state.js';
import type { MessageHandler } from '../../src/types.js';
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
  for (const schema of [MessageRequest, ChoiceRequest, FeedbackRequest, ReplyJsonSchema, ErrorSchema]) fastify.addSchema(schema);
  const limit = options.ratePerMinute > 0 ? { rateLimit: { max: options.ratePerMinute, timeWindow: 60_000 } } : {};
  const retried = createRetriedMessages({
    shared: options.shared,
    onRetry: (where) => options.logger?.info({ adapter: 'web', where }, 'web: a retried message got the reply it already had'),
  });

  const route = <B>(url: string, body: string, answer: (body: B, reply: FastifyReply) => Promise<ReplyJson | FastifyReply>) =>
    fastify.post<{ Body: B }>(
      url,
      { schema: { body: { $ref: `${body}#` }, response: { 200: { $ref: 'Reply#' }, ...errorResponses } }, config: limit, onRequest: requireJson },
      async (request, reply) => answer(request.body as B, reply),
    );

  route<MessageBody>('/api/v1/messages', 'MessageRequest', async (body) => {
    const handle = async () => toReplyJson(await handler(messageToInbound(body)));
    if (body.clientMessageId === undefined) return handle();
    const content = 'command' in body ? `command:${body.command}` : `text:${body.text}`;
    return retried.answer({ conversation: body.conversation, clientMessageId: body.clientMessageId, content }, handle);
  });
  route<ChoiceBody>('/api/v1/choices', 'ChoiceRequest', async (body) => toReplyJson(await handler(choiceToInbound(body))));
  route<FeedbackBody>('/api/v1/feedback', 'FeedbackRequest', async (body, reply) => {
    const answered = await handler(feedbackToInbound(body));
    if (answered.voteCounted === false) return reply.code(409).send(errorBody(ErrorCodes.HTTP_FEEDBACK_REFUSED, answered.text));
    return toReplyJson(answered);
  });

  const document = openApiDocument();
  fastify.get('/api/v1/openapi.json', async () => document);
  await fastify.register(pageRoutes, { retentionDays: options.retentionDays });
  // The page's own form, for a question sent before (or without) its scripts.
  await fastify.register(askForm, { handler, page: renderPage(publicDir(), options.retentionDays), config: limit });
};
