/**
 * What every command needs: config, logger, the app, and one way to report a fatal error.
 */
import { createApp, type App, type AppOptions } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { BotError } from '../src/errors.js';
import { createLogger, type Logger } from '../src/logger.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failed: 1, invalid: 2 } as const;

/**
 * Reads config and builds a logger (to stderr) at LOG_LEVEL when it is set, else at
 * `defaultLevel` (quiet commands pass 'warn'), else at the configured default (info).
 */
export function setup(defaultLevel?: string): { config: Config; logger: Logger } {
  const config = loadConfig();
  const level = config.logLevelSet ? config.logLevel : (defaultLevel ?? config.logLevel);
  return { config, logger: createLogger(level) };
}

/**
 * Builds the app for a command; quiet commands log only warnings and worse unless LOG_LEVEL
 * says otherwise. The rest of `options` (recording, typed feedback, staff view) goes to
 * {@link createApp}.
 */
export async function openApp(options: { quiet?: boolean } & AppOptions = {}): Promise<App> {
  const { quiet, ...appOptions } = options;
  const { config, logger } = setup(quiet ? 'warn' : undefined);
  return createApp(config, logger, appOptions);
}

/** Prints an error the way a person can act on (one line when it has no details), and sets the exit code. */
export function reportFatal(error: unknown): void {
  if (error instanceof BotError && error.details.length === 0 && !error.message.includes('\n')) {
    process.stderr.write(`legal-bot: ${error.message} (${error.code})\n`);
    process.exitCode = EXIT.invalid;
    return;
  }
  if (error instanceof BotError) {
    process.stderr.write(`legal-bot: ${error.message}\n`);
    if (!error.message.includes('\n')) for (const detail of error.details) process.stderr.write(`  ${detail}\n`);
    process.stderr.write(`  (${error.code})\n`);
    process.exitCode = EXIT.invalid;
    return;
  }
  process.stderr.write(`legal-bot: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = EXIT.failed;
}
