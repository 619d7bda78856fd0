import type { App } from '../src/app.js';
import type { Adapter } from '../src/types.js';
import { createConfiguredAdapters } from '../adapters/registry.js';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';

/** `chat`: console chat until the input ends or Ctrl-C. */
export async function chat(app: App): Promise<void> {
  const interactive = Boolean(process.stdin.isTTY);
  const stopLive = goLive(app);
  await new Promise<void>((resolve) => {
    const adapter = createConsoleAdapter({ prompt: interactive ? '您> ' : '', greet: true, onClose: resolve, logger: app.logger });
    void adapter.start(app.handler);
    stopOnSignals([adapter], app, resolve);
  });
  stopLive();
  await app.close();
}

/** `serve`: every configured adapter until SIGINT / SIGTERM. */
export async function serve(app: App): Promise<void> {
  const stopLive = goLive(app);
  const adapters = await createConfiguredAdapters(app.config, app.logger, { hashConversation: app.hashConversation });
  for (const adapter of adapters) {
    await adapter.start(app.handler);
    app.logger.info({ adapter: adapter.name }, 'adapter started');
  }
  await new Promise<void>((resolve) => stopOnSignals(adapters, app, resolve));
  stopLive();
  await app.close();
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

/** On SIGINT / SIGTERM stop every adapter (finishing in-flight replies), then resolve. */
function stopOnSignals(adapters: Adapter[], app: App, done: () => void): void {
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
}
