/**
 * The web adapter: the JSON API (`/api/v1/…`) and the resident chat page (`/`). Every request
 * becomes one {@link InboundMessage} for the core's handler; the reply goes back as
 * `toReplyJson` gives it, the same shape `ask --json` prints.
 */
import type { FastifyPluginAsync } from 'fastify';
import { toReplyJson } from '../../src/reply-json.js';
import type { InboundMessage, MessageHandler } from '../../src/types.js';
import { openApiDocument } from './openapi.js';
import { pageRoutes } from './page-routes.js';
import { ChoiceRequest, ErrorSchema, FeedbackRequest, MessageRequest, ReplyJsonSchema } from './schemas.js';
import {
  choiceToInbound,
  feedbackToInbound,
  messageToInbound,
  type ChoiceBody,
  type FeedbackBody,
  type MessageBody,
} from './to-inbound.js';

export interface WebRoutesOptions {
  handler: MessageHandler;
  /** Shown in the page's privacy note. */
  retentionDays: number;
  /** API requests per client address per minute; 0 = no limit. */
  ratePerMinute: number;
}

const errorResponses = Object.fromEntries([400, 413, 415, 429, 500].map((status) => [status, { $ref: 'Error#' }]));

/** Registers the API and the page. */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (fastify, options) => {
  const { handler } = options;
  for (const schema of [MessageRequest, ChoiceRequest, FeedbackRequest, ReplyJsonSchema, ErrorSchema]) fastify.addSchema(schema);
  const limit = options.ratePerMinute > 0 ? { rateLimit: { max: options.ratePerMinute, timeWindow: 60_000 } } : {};

  const route = <B>(url: string, body: string, toInbound: (body: B) => InboundMessage) =>
    fastify.post<{ Body: B }>(
      url,
      { schema: { body: { $ref: `${body}#` }, response: { 200: { $ref: 'Reply#' }, ...errorResponses } }, config: limit },
      async (request) => toReplyJson(await handler(toInbound(request.body as B))),
    );
  route<MessageBody>('/api/v1/messages', 'MessageRequest', (body) => messageToInbound(body));
  route<ChoiceBody>('/api/v1/choices', 'ChoiceRequest', (body) => choiceToInbound(body));
  route<FeedbackBody>('/api/v1/feedback', 'FeedbackRequest', (body) => feedbackToInbound(body));

  const document = openApiDocument();
  fastify.get('/api/v1/openapi.json', async () => document);
  await fastify.register(pageRoutes, { retentionDays: options.retentionDays });
};
