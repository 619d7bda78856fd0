/**
 * The webhook on the bot's shared HTTP server (fastify): one POST route at the webhook URL's
 * path, answered by the running adapter's {@link WebhookHandler}. The secret is checked
 * before the body is read; while the adapter is not running the route answers 503, so
 * Telegram delivers the update again later.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { WebhookHandler } from './webhook.js';

/** Updates are small JSON; anything larger is not from Telegram (the server's API limit is smaller). */
const MAX_BODY_BYTES = 1_000_000;

const send = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/plain; charset=utf-8').send(body);

/** The plugin serving the webhook at `path`; `current()` is the running adapter's handler, if any. */
export function webhookPlugin(path: string, current: () => WebhookHandler | undefined): FastifyPluginAsync {
  return async (fastify) => {
    fastify.post(
      path,
      {
        bodyLimit: MAX_BODY_BYTES,
        async onRequest(request, reply) {
          const handler = current();
          if (!handler) return send(reply, 503, 'Service Unavailable');
          const refused = handler.refuse(request.headers);
          if (refused) return send(reply, refused, refused === 401 ? 'Unauthorized' : 'Forbidden');
        },
      },
      async (request, reply) => {
        const handler = current();
        if (!handler) return send(reply, 503, 'Service Unavailable');
        const answer = handler.handle({ headers: request.headers, body: request.body });
        return send(reply, answer.status, answer.body);
      },
    );
  };
}
