/**
 * Wraps a scripted handler the way the core behaves: it never rejects, a failure becomes
 * the safe error reply. Adapter tests drive adapters with it instead of the whole core.
 */
import type { MessageHandler } from '../../src/types.js';

export function neverRejecting(handler: MessageHandler, errorText = '抱歉,系统出了点问题'): MessageHandler {
  return async (message) => {
    try {
      return await handler(message);
    } catch {
      return { kind: 'error', text: errorText };
    }
  };
}
