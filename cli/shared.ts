/**
 * What every command needs: config, logger, the app, and one way to report a fatal error.
 */
import { createApp, type App, type AppOptions } from '../src/app.js';
import { loadConfig, type Config } from '../src/service/config/config.js';
import { BotError } from '../src/errors.js';
import { createLogger, type Logger } from '../src/logger.js';
import type { CliIo } from './io.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

/**
 * Reads config and builds a logger to stderr. `quietByDefault` commands (ask, chat, why…)
 * log warnings and worse unless LOG_LEVEL is set.
 */
export function setup(io: CliIo, quietByDefault = false): { config: Readonly<Config>; logger: Logger } {
  const config = loadConfig(io.env, io.cwd);
  const level = quietByDefault && !io.env.LOG_LEVEL ? 'warn' : config.logLevel;
  return { config, logger: createLogger(level, io.stderr) };
}

/** Builds the app for a command; the rest of `options` (recording, feedback, staff) goes to {@link createApp}. */
export async function openApp(io: CliIo, options: { quiet?: boolean } & AppOptions = {}): Promise<App> {
  const { quiet, ...appOptions } = options;
  const { config, logger } = setup(io, quiet);
  return createApp(config, logger, appOptions);
}

/** Prints an error the way a person can act on, with its code (one line when it has no details); returns the exit code. */
export function reportFatal(io: CliIo, error: unknown): number {
  if (error instanceof BotError && error.details.length === 0 && !error.message.includes('\n')) {
    io.stderr.write(`legal-bot: ${error.message} (${error.code})\n`);
    return EXIT.invalid;
  }
  if (error instanceof BotError) {
    io.stderr.write(`legal-bot: ${error.message}\n`);
    if (!error.message.includes('\n')) for (const detail of error.details) io.stderr.write(`  ${detail}\n`);
    io.stderr.write(`  (${error.code})\n`);
    return EXIT.invalid;
  }
  io.stderr.write(`legal-bot: 意外错误 / unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.failed;
}
