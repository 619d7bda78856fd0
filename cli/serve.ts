import type { App } from '../src/app.js';
import type { Adapter } from '../src/types.js';
import { createConfiguredAdapters } from '../adapters/registry.js';
import { relayStaffLines } from '../adapters/shared/relay-staff-lines.js';
import { createConsoleAdapter } from '../adapters/console/console-adapter.js';
import type { Metrics } from '../adapters/http/metrics.js';
import { planHttp, type HttpPlan } from './http-plan.js';
import { BotError, ErrorCodes } from '../src/errors.js';
import type { CliIo } from './io.js';

/** Records lost at close (neither written nor spilled): the command then exits non-zero. */
async function closeApp(app: App): Promise<number> {
  await app.close();
  return app.store.health().dropped;
}

/** `chat`: console chat until the input ends or Ctrl-C; resolves to the records lost. */
export async function chat(io: CliIo, app: App): Promise<number> {
  const interactive = Boolean(io.stdin.isTTY);
  const stopLive = goLive(io, app);
  await new Promise<void>((resolve) => {
    const adapter = createConsoleAdapter({
      input: io.stdin,
      output: io.stdout,
      prompt: interactive ? '您> ' : '',
      greet: true,
      onClose: resolve,
      logger: app.logger,
    });
    void adapter.start(app.handler);
    stopOnSignals(io, [adapter], app, resolve);
  });
  stopLive();
  return closeApp(app);
}

/**
 * `serve`: the HTTP server (when enabled; first, so a taken port stops everything before a
 * platform connects), every configured adapter, and in a terminal the console chat, until
 * SIGINT / SIGTERM or the end of the console's input. Resolves to the records lost at close
 * (neither written nor kept in the spill file).
 */
export async function serve(io: CliIo, app: App, metrics?: Metrics): Promise<number> {
  const planned: Adapter[] = [];
  const others = await createConfiguredAdapters(app.config, app.logger, { hashConversation: app.hashConversation, locks: app.shared.locks });
  let http: HttpPlan | undefined;
  if (app.config.http.enabled) {
    // First, so a taken port stops everything before a platform connects.
    http = await planHttp(app, others, { metrics, onListening: (address) => announce(io, address) });
    planned.push(...http.adapters);
  }
  planned.push(...others);
  relayStaffLines(app.desk, planned, app.logger);
  const interactive = Boolean(io.stdin.isTTY);
  if (planned.length === 0 && !interactive) {
    // Unreachable while the HTTP server starts whenever no platform is configured; kept so a
    // deployment with nothing to serve can never look healthy.
    throw new BotError(ErrorCodes.SERVE_NOT_CONFIGURED, 'serve:没有可启动的渠道,也不在终端里运行。请设置 HTTP_PORT、TELEGRAM_BOT_TOKEN 或 WECHATY_PUPPET(见 .env.example)。', [
      'HTTP_PORT',
      'TELEGRAM_BOT_TOKEN',
      'WECHATY_PUPPET',
    ]);
  }
  const stopLive = goLive(io, app);
  const started: Adapter[] = [];
  let failure: unknown;
  await new Promise<void>((resolve) => {
    const stop = stopOnSignals(io, started, app, resolve);
    if (interactive) {
      const onClose = () => void stop('end of input');
      planned.push(createConsoleAdapter({ input: io.stdin, output: io.stdout, prompt: '您> ', greet: true, onClose, logger: app.logger }));
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
  http?.close();
  const lost = await closeApp(app);
  if (failure) throw failure;
  return lost;
}

function announce(io: CliIo, address: string): void {
  io.stdout.write(`网页聊天 / web chat: ${address}  (API ${address}api/v1/messages; ${address}healthz; 工作人员后台 ${address}staff)\n`);
  if (io.stdin.isTTY) io.stdout.write('下面也可以直接打字提问;Ctrl-D 或 Ctrl-C 结束。\n\n');
}

/** Live knowledge updates while a bot runs: reload when the directory changes (unless KNOWLEDGE_WATCH=off) and on SIGHUP. */
function goLive(io: CliIo, app: App): () => void {
  const stopWatching = app.config.watchKnowledge ? app.watchKnowledge() : () => undefined;
  const onHangup = () => void app.reload('SIGHUP');
  io.signals.on('SIGHUP', onHangup);
  return () => {
    stopWatching();
    io.signals.off('SIGHUP', onHangup);
  };
}

/**
 * On SIGINT / SIGTERM stop every adapter (finishing in-flight replies), then resolve;
 * returns the same stop for other reasons.
 */
function stopOnSignals(io: CliIo, adapters: Adapter[], app: App, done: () => void): (reason: string) => Promise<void> {
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
  return stop;
}
