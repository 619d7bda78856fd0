/**
 * Loads the puppet package named in `WECHATY_PUPPET`, only when the adapter starts, so a
 * deployment installs just the puppet it uses and the error says how to install it.
 */
import type { WechatyOptions } from 'wechaty';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';

/** A puppet instance as wechaty accepts it. */
export type PuppetInstance = Exclude<NonNullable<WechatyOptions['puppet']>, string>;

type PuppetConstructor = new (options?: { token?: string }) => PuppetInstance;

/** An npm package name (optionally scoped); never a path, so the setting cannot load arbitrary files. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/**
 * Imports puppet package `name` and creates its puppet, passing `token` when given
 * (puppet services, padlocal). @throws BotError QLB_WECHAT_PUPPET_INVALID or QLB_WECHAT_PUPPET_MISSING naming the fix.
 */
export async function loadPuppet(name: string, token?: string, logger?: Logger): Promise<PuppetInstance> {
  if (!PACKAGE_NAME.test(name)) {
    throw new BotError(ErrorCodes.WECHAT_PUPPET_INVALID, `WECHATY_PUPPET must be an npm package name, got "${name}"`, [
      'WECHATY_PUPPET',
    ]);
  }
  let module: Record<string, unknown>;
  const handlersBefore = new Set<unknown>(process.listeners('uncaughtException'));
  try {
    module = (await import(name)) as Record<string, unknown>;
    if (logger) routeUncaught(handlersBefore, logger);
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(name);
    const message = missing
      ? `WeChat puppet "${name}" is not installed: run \`npm install ${name}\` (see adapters/wechat/README.md)`
      : `WeChat puppet "${name}" failed to load: ${String(error)}`;
    const code = missing ? ErrorCodes.WECHAT_PUPPET_MISSING : ErrorCodes.WECHAT_PUPPET_INVALID;
    throw new BotError(code, message, ['WECHATY_PUPPET'], { cause: error });
  }
  const Puppet = findPuppetClass(module);
  if (!Puppet) {
    throw new BotError(ErrorCodes.WECHAT_PUPPET_INVALID, `"${name}" does not export a wechaty puppet`, ['WECHATY_PUPPET']);
  }
  return new Puppet(token ? { token } : {});
}

// Puppets export their class as `default` (ESM) or `default.default` (CommonJS through ESM).
function findPuppetClass(module: Record<string, unknown>): PuppetConstructor | undefined {
  let candidate: unknown = module;
  for (let depth = 0; depth < 3 && candidate; depth += 1) {
    if (typeof candidate === 'function') return candidate as PuppetConstructor;
    candidate = (candidate as { default?: unknown }).default;
  }
  return undefined;
}

/**
 * wechat4u (under wechaty-puppet-wechat4u) registers, on import, a process-wide
 * `uncaughtException` handler that only `console.log`s, which keeps the process alive after
 * any crash, ours included. Its callbacks do throw outside any promise (e.g. on logout), so
 * keeping the process alive is kept, but the errors go to our log (masked, error level)
 * instead of stdout, where nobody watching the log would see them.
 */
export function routeUncaught(before: ReadonlySet<unknown>, logger: Logger): void {
  const added = process.listeners('uncaughtException').filter((listener) => !before.has(listener));
  if (added.length === 0) return;
  for (const listener of added) process.removeListener('uncaughtException', listener);
  process.on('uncaughtException', (error) => {
    logger.error(
      { err: error, code: ErrorCodes.WECHAT_PUPPET_UNCAUGHT },
      'uncaught exception (kept running, as the WeChat puppet expects)',
    );
  });
  logger.warn(
    { handlers: added.length },
    'wechat puppet installed an uncaughtException handler; its errors now go to this log',
  );
}
