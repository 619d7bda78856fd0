/**
 * Observers of a running app, for metrics and the like: told of every handled message and
 * every knowledge reload. They run after the fact and cannot change a reply; one that throws
 * is logged and answering goes on.
 */
import { ErrorCodes } from './errors.js';
import type { Logger } from './logger.js';
import type { ReloadOutcome, Reloader } from './service/reload/knowledge-reloader.js';
import type { InboundMessage, MessageHandler, Reply } from './types.js';

/** One message the app answered. */
export interface HandledEvent {
  message: InboundMessage;
  reply: Reply;
  /** Time from receiving the message to the reply, in ms. */
  latencyMs: number;
}

/** What an observer may listen to; every hook is optional. */
export interface AppHooks {
  onHandled?(event: HandledEvent): void;
  /** A reload begins its work (the check, in the knowledge worker thread). */
  onReloadStart?(reason: string): void;
  onReload?(outcome: ReloadOutcome, reason: string): void;
}

function call(logger: Logger, hook: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    logger.error({ err: error, code: ErrorCodes.HOOK_FAILED, hook }, 'an app hook failed; answering goes on');
  }
}

/** Wraps a handler so `hooks.onHandled` hears of every reply with its latency. */
export function observeHandler(handler: MessageHandler, hooks: AppHooks, logger: Logger): MessageHandler {
  const { onHandled } = hooks;
  if (!onHandled) return handler;
  return async (message) => {
    const started = performance.now();
    const reply = await handler(message);
    const latencyMs = performance.now() - started;
    call(logger, 'onHandled', () => onHandled({ message, reply, latencyMs }));
    return reply;
  };
}

/** Wraps a reloader so `hooks.onReload` hears of every outcome. */
export function observeReloads(reloader: Reloader, hooks: AppHooks, logger: Logger): Reloader {
  const { onReload } = hooks;
  if (!onReload) return reloader;
  return {
    async reload(reason) {
      const outcome = await reloader.reload(reason);
      call(logger, 'onReload', () => onReload(outcome, reason));
      return outcome;
    },
  };
}

/** Tells `hooks.onReloadStart` that a reload begins; one that throws is logged. */
export function reloadStartHook(hooks: AppHooks, logger: Logger): (reason: string) => void {
  return (reason) => {
    const { onReloadStart } = hooks;
    if (onReloadStart) call(logger, 'onReloadStart', () => onReloadStart(reason));
  };
}
