/**
 * The adapter's own webhook listener (node:http, no framework), until the webhook is
 * mounted on the shared HTTP server: it serves one path and hands each call to the
 * {@link WebhookHandler}. A wrong secret is refused before the body is read.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { WebhookHandler } from './webhook.js';

/** Updates are small JSON; anything larger is not from Telegram. */
const MAX_BODY_BYTES = 1_000_000;

export interface WebhookServer {
  readonly port: number;
  /** Stops accepting connections and closes idle ones. */
  close(): Promise<void>;
}

export interface WebhookServerOptions {
  port: number;
  host?: string;
  /** Only this path is served (the path of the public webhook URL). */
  path: string;
  handler: WebhookHandler;
  logger: Logger;
}

function finish(response: http.ServerResponse, status: number, body = http.STATUS_CODES[status] ?? ''): void {
  if (response.writableEnded) return;
  response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? '' : body);
}

/** Starts listening; rejects when the port cannot be bound. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { logger, handler } = options;
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path) return finish(response, 404);
    if (request.method !== 'POST') return finish(response, 405);
    const refused = handler.refuse(request.headers);
    if (refused) {
      request.resume();
      return finish(response, refused);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      finish(response, 413);
      request.destroy();
    });
    request.on('end', () => {
      if (response.writableEnded) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        logger.warn({ err: error }, 'telegram webhook body is not JSON');
        return finish(response, 400);
      }
      const answer = handler.handle({ headers: request.headers, body });
      finish(response, answer.status, answer.body);
    });
    request.on('error', (error) => logger.warn({ err: error }, 'telegram webhook request failed'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error, code: ErrorCodes.TELEGRAM_WEBHOOK_FAILED }, 'telegram webhook listener error'));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
