import type { App } from '../src/app.js';
import type { Adapter } from '../src/types.js';
import { createConfiguredAdapters } from '../adapters/registry.js';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import { appReadiness } from '../adapters/http/app-readiness.js';
import { createHttpAdapter } from '../adapters/http/http-adapter.js';
import type { Metrics } from '../adapters/http/metrics.js';

/** `chat`: console chat until the input ends or Ctrl-C. */
export async function chat(app: App): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const stopLive = goLive(app);
  await new Promise<void>((resolve) => {
    const adapter = createConsoleAdapter({ prompt: interactive ? '您> ' : '', greet: true, onClose: resolve });
    void adapter.start(app.handler);
    stopOnSignals([adapter], app, resolve);
  });
  stopLive();
  await app.close();
}

/**
 * `serve`: the HTTP server (when enabled; first, so a taken port stops everything before a
 * platform connects), every configured adapter, and in a terminal the console chat, until
 * SIGINT / SIGTERM or the end of the console's input.
 */
export async function serve(app: App, metrics?: Metrics): Promise<void> {
  const stopLive = goLive(app);
  const planned: Adapter[] = [];
  if (app.config.http.enabled) {
    metrics?.watchStore(() => app.store.health());
    const { config, logger } = app;
    planned.push(createHttpAdapter({ config, logger, readiness: appReadiness(app), metrics, onListening: announce }));
  }
  planned.push(...(await createConfiguredAdapters(app.config, app.logger)));
  const started: Adapter[] = [];
  let failure: unknown;
  await new Promise<void>((resolve) => {
    const stop = stopOnSignals(started, app, resolve);
    if (process.stdin.isTTY) {
      planned.push(createConsoleAdapter({ prompt: '您> ', greet: true, onClose: () => void stop('end of input') }));
    }
    void (async () => {
      for (const adapter of planned) {
        await adapter.start(app.handler);
        started.push(adapter);
        app.logger.info({ adapter: adapter.name }, 'adapter started');
      }
    })().catch((error: unknown) => {
      failure = error;
      void stop('start failed');
    });
  });
  stopLive();
  await app.close();
  if (failure) throw failure;
}

function announce(address: string): void {
  process.stdout.write(`网页聊天 / web chat: ${address}  (API ${address}api/v1/messages; ${address}healthz)\n`);
  if (process.stdin.isTTY) process.stdout.write('下面也可以直接打字提问;Ctrl-D 或 Ctrl-C 结束。\n\n');
}

/** Live knowledge updates while a bot runs: reload when the directory changes and on SIGHUP. */
function goLive(app: App): () => void {
  const stopWatching = app.watchKnowledge();
  const onHangup = () => void app.reload('SIGHUP');
  process.on('SIGHUP', onHangup);
  return () => {
    stopWatching();
    process.off('SIGHUP', onHangup);
  };
}

/**
 * On SIGINT / SIGTERM stop every adapter (finishing in-flight replies), then resolve;
 * returns the same stop for other reasons.
 */
function stopOnSignals(adapters: Adapter[], app: App, done: () => void): (reason: string) => Promise<void> {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'stopping');
    const results = await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    results.forEach((result, i) => {
      if (result.status === 'rejected') app.logger.error({ err: result.reason, adapter: adapters[i]?.name }, 'stop failed');
    });
    done();
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return stop;
}
