/**
 * The one HTTP server of a bot process (fastify): security headers, per-address rate limits,
 * cookies (signed for the staff console), JSON errors with stable codes, `/healthz`,
 * `/readyz`, `/metrics`, and the web adapter (resident chat page and JSON API). Other
 * adapters mount their routes on it (the Telegram webhook, the WeChat official account)
 * with {@link HttpServer.mount} before `start()`. Nothing listens before `start()`.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync, type FastifyPluginOptions } from 'fastify';
import type { Config } from '../../src/service/config/config.js';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { SharedCache } from '../../src/service/shared-state/shared-state.js';
import type { HandoffDesk } from '../../src/service/handoff/handoff-desk.js';
import { handoffRoute } from '../web/handoff-route.js';
import type { CallbackDesk } from '../../src/service/handoff/callback-requests.js';
import type { MessageHandler } from '../../src/types.js';
import { webRoutes, type WebRoutesOptions } from '../web/web-routes.js';
import { clientErrorHandler } from './client-errors.js';
import { healthRoutes, type Readiness } from './health.js';
import { frameworkErrors, installJsonErrors, SAID, sendError } from './json-errors.js';
import { createMetrics, type Metrics } from './metrics.js';

export interface HttpServerOptions {
  config: Pick<Config, 'http' | 'retentionDays'>;
  logger: Logger;
  /** The app's handler (never rejects). */
  handler: MessageHandler;
  readiness: Readiness;
  /** The process's metrics (fed by the app's hooks); a fresh, empty set when not given. */
  metrics?: Metrics;
  /** Signs cookies (the staff console's sessions); without it no cookie can be signed. */
  cookieSecret?: string;
  /** How long `stop()` lets requests under way finish before cutting their connections; 3 s by default. */
  stopGraceMs?: number;
  /** The deployment's shared cache (Redis), so a retried API message is recognized on every instance. */
  shared?: SharedCache;
  /** The 接待 desk: the resident's page polls it for staff replies. */
  desk?: HandoffDesk;
  /** Callback requests (CALLBACK_KEYS set). */
  callbacks?: CallbackDesk;
  /** Whether a message reads as danger now: such a message is never refused by the per-address limit. */
  urgent?: (text: string) => boolean;
  /** The app's calculators for forms (POST /api/v1/calculate, the page's "算一算"). */
  calculate?: WebRoutesOptions['calculate'];
}

export interface HttpServer {
  /** The fastify instance: `inject()` in tests, decorations for mounted plugins. */
  readonly fastify: FastifyInstance;
  /**
   * Adds routes before `start()`: a fastify plugin, encapsulated, with its options (a
   * `prefix` among them puts its routes under that path).
   */
  mount<O extends FastifyPluginOptions>(plugin: FastifyPluginAsync<O>, options?: O): void;
  /** Listens on the configured host and port; resolves to the address to open. */
  start(): Promise<string>;
  /** Stops accepting, finishes requests under way (for 3 s at most, then cuts them), closes. */
  stop(): Promise<void>;
}

/** Content-Security-Policy: the page loads nothing from anywhere but this server. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Intranet deployments serve plain HTTP; upgrading requests would break them.
  upgradeInsecureRequests: null,
};

/** Creates the server; call `mount` for more routes, then `start`. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { config, handler } = options;
  const { http } = config;
  const metrics = options.metrics ?? createMetrics({ defaults: false });
  const fastify = Fastify({
    loggerInstance: options.logger.child({ adapter: 'http' }) as FastifyBaseLogger,
    // Every message is logged by the core already; request lines would add only addresses.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: typeof http.trustProxy === 'number' ? trustHops(http.trustProxy) : http.trustProxy,
    bodyLimit: http.bodyLimitBytes,
    // Stopping answers 503 itself (below), in the one error shape.
    return503OnClosing: false,
    frameworkErrors,
    clientErrorHandler,
    // Refuse, never silently drop or coerce, what the schemas do not allow.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false } },
  });
  installJsonErrors(fastify);
  let stopping = false;
  fastify.addHook('onRequest', async (request, reply) => {
    // Once stopping, nothing new is handled: a proxy or client may retry it elsewhere or later.
    if (stopping) return sendError(request, reply.header('connection', 'close'), 503, ErrorCodes.HTTP_STOPPING, SAID[ErrorCodes.HTTP_STOPPING] ?? '');
  });
  void fastify.register(fastifyHelmet, { contentSecurityPolicy: { directives: CSP_DIRECTIVES } });
  void fastify.register(fastifyCookie, options.cookieSecret ? { secret: options.cookieSecret } : {});
  void fastify.register(fastifyRateLimit, { global: false });
  void fastify.register(healthRoutes, { readiness: options.readiness });
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, body } = await metrics.render();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });
  void fastify.register(webRoutes, {
    handler,
    retentionDays: config.retentionDays,
    ratePerMinute: http.ratePerMinute,
    shared: options.shared,
    logger: options.logger,
    urgent: options.urgent,
    calculate: options.calculate,
  });
  if (options.desk) void fastify.register(handoffRoute, { desk: options.desk, ...(options.callbacks ? { callbacks: options.callbacks } : {}), ratePerMinute: http.ratePerMinute > 0 ? http.ratePerMinute * 4 : 0 });

  return {
    fastify,
    mount(plugin, pluginOptions) {
      void fastify.register(plugin, pluginOptions ?? ({} as never));
    },
    async start() {
      try {
        await fastify.listen({ port: http.port, host: http.host });
      } catch (error) {
        const { code } = error as NodeJS.ErrnoException;
        throw new BotError(
          ErrorCodes.HTTP_LISTEN_FAILED,
          `the HTTP server cannot listen on ${http.host}:${http.port} (${code ?? (error as Error).message}); set HTTP_PORT / HTTP_HOST`,
          [`HTTP_HOST=${http.host}`, `HTTP_PORT=${http.port}`],
          { cause: error },
        );
      }
      return openAddress(fastify, http.host);
    },
    async stop() {
      // A connection a browser keeps busy (seen once in ~10 runs of two browser tests side by
      // side: close waited 30 s) must not hold up a stop: after a grace period, cut it.
      stopping = true;
      const closing = fastify.close();
      const cut = setTimeout(() => fastify.server.closeAllConnections(), options.stopGraceMs ?? 3_000);
      cut.unref();
      try {
        await closing;
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

/** Believe X-Forwarded-For for this many proxy hops (fastify's numeric form, typed as a function). */
function trustHops(hops: number) {
  return (_address: string, hop: number) => hop < hops;
}

/** The URL a person opens: a wildcard bind is reached through 127.0.0.1. */
function openAddress(fastify: FastifyInstance, host: string): string {
  const bound = fastify.server.address();
  const port = typeof bound === 'object' && bound ? bound.port : 0;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}/`;
}
