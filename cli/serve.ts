import type { App } from '../src/app.js';
import type { Adapter } from '../src/types.js';
import { createConfiguredAdapters } from '../adapters/registry.js';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import type { CliIo } from './io.js';

/** `chat`: console chat until the input ends or Ctrl-C. */
export async function chat(io: CliIo, app: App): Promise<void> {
  const interactive = Boolean(io.stdin.isTTY);
  const stopLive = goLive(io, app);
  await new Promise<void>((resolve) => {
    const adapter = createConsoleAdapter({
      input: io.stdin,
      output: io.stdout,
      prompt: interactive ? '您> ' : '',
      greet: true,
      onClose: resolve,
    });
    void adapter.start(app.handler);
    stopOnSignals(io, [adapter], app, resolve);
  });
  stopLive();
  await app.close();
}

/** `serve`: every configured adapter until SIGINT / SIGTERM. */
export async function serve(io: CliIo, app: App): Promise<void> {
  const stopLive = goLive(io, app);
  const adapters = await createConfiguredAdapters(app.config, app.logger);
  for (const adapter of adapters) {
    await adapter.start(app.handler);
    app.logger.info({ adapter: adapter.name }, 'adapter started');
  }
  await new Promise<void>((resolve) => stopOnSignals(io, adapters, app, resolve));
  stopLive();
  await app.close();
}

/** Live knowledge updates while a bot runs: reload when the directory changes and on SIGHUP. */
function goLive(io: CliIo, app: App): () => void {
  const stopWatching = app.watchKnowledge();
  const onHangup = () => void app.reload('SIGHUP');
  io.signals.on('SIGHUP', onHangup);
  return () => {
    stopWatching();
    io.signals.off('SIGHUP', onHangup);
  };
}

/** On SIGINT / SIGTERM stop every adapter (finishing in-flight replies), then resolve. */
function stopOnSignals(io: CliIo, adapters: Adapter[], app: App, done: () => void): void {
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
  io.signals.once('SIGINT', () => void stop('SIGINT'));
  io.signals.once('SIGTERM', () => void stop('SIGTERM'));
}
