/**
 * The adapter edge: wraps the core handler so an unexpected failure is logged with its
 * context and the person still gets a polite reply. Every adapter sends through this.
 */
import { ErrorCodes } from '../errors.js';
import type { Logger } from '../logger.js';
import type { MessageHandler, Reply } from '../types.js';

/** Returns a handler that never rejects: on error it logs and answers `errorReply`. */
export function createSafeHandler(handler: MessageHandler, logger: Logger, errorReply: () => Reply): MessageHandler {
  return async (message) => {
    try {
      return await handler(message);
    } catch (error) {
      logger.error(
        { err: error, code: ErrorCodes.HANDLER_FAILED, adapter: message.adapter, inbound: message.kind },
        'handling a message failed',
      );
      return errorReply();
    }
  };
}
