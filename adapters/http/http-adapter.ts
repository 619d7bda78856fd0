/**
 * The HTTP server as the `web` {@link Adapter}, so `serve` starts and stops it like any chat
 * platform: the resident page and API on it, readiness and metrics as the composition root
 * gives them, other adapters' routes mounted before it listens, the address announced.
 */
import type { Config } from '../../src/service/config/config.js';
import type { Logger } from '../../src/logger.js';
import type { SharedCache } from '../../src/service/shared-state/shared-state.js';
import type { Adapter } from '../../src/types.js';
import type { HandoffDesk } from '../../src/service/handoff/handoff-desk.js';
import type { CallbackDesk } from '../../src/service/handoff/callback-requests.js';
import { WEB_ADAPTER } from '../web/to-inbound.js';
import { createHttpServer, type HttpServer, type HttpServerOptions } from './create-http-server.js';
import type { Readiness } from './health.js';
import type { Metrics } from './metrics.js';

export interface HttpAdapterOptions {
  config: Pick<Config, 'http' | 'retentionDays'>;
  logger: Logger;
  readiness: Readiness;
  /** The metrics whose hooks the app was created with. */
  metrics?: Metrics;
  /** Mounts other adapters' routes before the server starts. */
  mount?: (server: HttpServer) => void;
  /** Called with the address to open once the server listens. */
  onListening?: (address: string) => void;
  /** Signs cookies (the staff console's sessions). */
  cookieSecret?: string;
  /** The deployment's shared cache (Redis), so a retried API message is recognized on every instance. */
  shared?: SharedCache;
  /** The 接待 desk (the page polls it for staff replies). */
  desk?: HandoffDesk;
  callbacks?: CallbackDesk;
  /** Whether a message reads as danger now: such a message is never refused by the per-address limit. */
  urgent?: (text: string) => boolean;
  /** The app's calculators for forms (POST /api/v1/calculate, the page's "算一算"). */
  calculate?: HttpServerOptions['calculate'];
}

/** Creates the adapter; nothing listens before `start()`. */
export function createHttpAdapter(options: HttpAdapterOptions): Adapter {
  let server: HttpServer | undefined;
  return {
    name: WEB_ADAPTER,
    async start(handler) {
      const { config, logger, readiness, metrics, cookieSecret, shared, urgent, calculate, desk, callbacks } = options;
      server = createHttpServer({ config, logger, handler, readiness, metrics, cookieSecret, shared, urgent, calculate, desk, callbacks });
      options.mount?.(server);
      const address = await server.start();
      logger.info({ address }, 'HTTP server listening');
      options.onListening?.(address);
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
  };
}
