/**
 * The adapter's own webhook listener (node:http, no framework). Telegram posts each update
 * with the secret given to setWebhook in the X-Telegram-Bot-Api-Secret-Token header; anything
 * without it is refused before the body is read, so strangers cannot inject updates.
 */
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import type { Logger } from '../../src/logger.js';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are small JSON; anything larger is not from Telegram. */
const MAX_BODY_BYTES = 1_000_000;

export interface WebhookServer {
  readonly port: number;
  /** Stops accepting requests and closes idle connections. */
  close(): Promise<void>;
}

export interface WebhookServerOptions {
  port: number;
  host?: string;
  /** Only this path is served (the path of the public webhook URL). */
  path: string;
  secret: string;
  /**
   * Takes an update and returns at once (replies are queued, so a slow reply never makes
   * Telegram resend); false when no longer accepting, answered 503 so Telegram redelivers later.
   */
  onUpdate: (update: Update) => boolean;
  logger: Logger;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function finish(response: http.ServerResponse, status: number): void {
  response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? '' : http.STATUS_CODES[status]);
}

/** Starts listening; rejects when the port cannot be bound. */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { logger } = options;
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== options.path) return finish(response, 404);
    if (request.method !== 'POST') return finish(response, 405);
    const secret = request.headers[SECRET_HEADER];
    if (secret === undefined || !sameSecret(secret, options.secret)) {
      // 401 without the header, 403 with a wrong one: two different mistakes to tell apart in logs.
      const status = secret === undefined ? 401 : 403;
      logger.warn({ status, remote: request.socket.remoteAddress }, 'telegram webhook request refused: bad secret');
      request.resume();
      return finish(response, status);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        finish(response, 413);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => {
      if (response.writableEnded) return;
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
      } catch (error) {
        logger.warn({ err: error }, 'telegram webhook body is not JSON');
        return finish(response, 400);
      }
      finish(response, options.onUpdate(update) ? 200 : 503);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => logger.error({ err: error }, 'telegram webhook listener error'));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
