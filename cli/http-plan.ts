/**
 * What `serve` puts on the HTTP server: the web adapter itself, the routes of the adapters
 * that live there (the official account, the Telegram webhook), and the staff console with
 * its store and cookie secret. The console is always mounted: when its store cannot be
 * opened it says so (503) until the store can be, without a restart; residents are answered
 * either way.
 */
import { randomBytes } from 'node:crypto';
import { createConfiguredWechatMp, hasRoutes } from '../adapters/registry.js';
import { appReadiness } from '../adapters/http/app-readiness.js';
import type { HttpServer } from '../adapters/http/create-http-server.js';
import { createHttpAdapter } from '../adapters/http/http-adapter.js';
import type { Metrics } from '../adapters/http/metrics.js';
import { staffConsole } from '../staff-console/staff-console.js';
import type { App } from '../src/app.js';
import { ErrorCodes } from '../src/errors.js';
import { openStaffStore } from '../src/service/staff/open-staff-store.js';
import { recoveringStaffStore } from '../src/service/staff/recovering-staff-store.js';
import type { StaffStore } from '../src/service/staff/staff-store.js';
import type { Adapter } from '../src/types.js';

export interface HttpPlan {
  /** The web adapter first, then the official account's (started after the server listens). */
  adapters: Adapter[];
  /** Releases what the plan opened (the staff store). */
  close(): void;
}

/** The cookie secret: STAFF_SESSION_SECRET, or a random one for this process (with a warning). */
function cookieSecret(app: App): string {
  const configured = app.config.staffConsole.sessionSecret;
  if (configured) return configured;
  app.logger.warn(
    { code: ErrorCodes.STAFF_SESSION_SECRET_RANDOM },
    'STAFF_SESSION_SECRET is not set: staff console logins are signed with a random key and end when the bot restarts',
  );
  return randomBytes(32).toString('hex');
}

/** The console's store, opened now when it can be and on demand later when it cannot. */
async function openConsoleStore(app: App): Promise<StaffStore> {
  const store = recoveringStaffStore(() => openStaffStore(app.config, app.logger), { logger: app.logger });
  try {
    await store.ready?.();
  } catch (error) {
    app.logger.error(
      { code: ErrorCodes.STAFF_STORE_FAILED, err: error },
      'staff console store cannot be opened: /staff answers 503 until it can (tried again when the console is used)',
    );
  }
  return store;
}

/** Plans the HTTP server of `serve`; `others` are the chat adapters (their routes are mounted too). */
export async function planHttp(app: App, others: readonly Adapter[], options: { metrics?: Metrics; onListening: (address: string) => void }): Promise<HttpPlan> {
  const { config, logger } = app;
  options.metrics?.watchStore(() => app.store.health());
  options.metrics?.watchShared(() => app.shared.health());
  const mp = await createConfiguredWechatMp(config, logger, app.shared, app.hashConversation);
  const store = await openConsoleStore(app);
  const mount = (server: HttpServer) => {
    if (mp) server.mount(mp.plugin);
    for (const adapter of others) if (hasRoutes(adapter)) server.mount(adapter.plugin);
    server.mount(staffConsole, { app, store, logger: logger.child({ adapter: 'staff' }), sessionMs: config.staffConsole.sessionMs });
  };
  const web = createHttpAdapter({
    config,
    logger,
    readiness: appReadiness(app),
    metrics: options.metrics,
    onListening: options.onListening,
    mount,
    cookieSecret: cookieSecret(app),
    // One instance keeps retried messages in its own memory; several share them through Redis.
    shared: app.shared.kind === 'redis' ? app.shared.cache : undefined,
    desk: app.desk,
    callbacks: app.callbacks,
    urgent: (text) => app.readsDanger(text),
    calculate: (form) => app.calculate(form),
  });
  return { adapters: mp ? [web, mp] : [web], close: () => store.close() };
}
