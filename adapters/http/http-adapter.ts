/**
 * The HTTP server as an {@link Adapter} of a running app, so `serve` starts and stops it like
 * any chat platform: readiness from the app (knowledge, store), metrics fed by the app's
 * hooks, and the address to open announced once listening.
 */
import type { App } from '../../src/app.js';
import type { Adapter } from '../../src/types.js';
import { appReadiness } from './app-readiness.js';
import { createHttpServer, type HttpServer } from './create-http-server.js';
import type { Metrics } from './metrics.js';

export interface HttpAdapterOptions {
  app: App;
  /** The metrics whose hooks the app was created with. */
  metrics?: Metrics;
  /** Mounts other adapters' routes before the server starts. */
  mount?: (server: HttpServer) => void;
  /** Called with the address to open once the server listens. */
  onListening?: (address: string) => void;
}

/** Creates the adapter; nothing listens before `start()`. */
export function createHttpAdapter(options: HttpAdapterOptions): Adapter {
  const { app, metrics } = options;
  let server: HttpServer | undefined;
  return {
    name: 'http',
    async start(handler) {
      metrics?.watchStore(() => app.store.health());
      server = createHttpServer({ config: app.config, logger: app.logger, handler, readiness: appReadiness(app), metrics });
      options.mount?.(server);
      const address = await server.start();
      app.logger.info({ address }, 'HTTP server listening');
      options.onListening?.(address);
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
  };
}
