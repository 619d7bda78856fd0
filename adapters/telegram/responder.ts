/**
 * Answers one routed update: "typing…" while the core works, then the reply as messages, or
 * for a 👍 / 👎 press the core's thanks as a toast on the button (no chat message, so a vote
 * does not clutter the conversation).
 */
import type { Logger } from '../../src/logger.js';
import type { MessageHandler } from '../../src/types.js';
import type { Outbox } from './outbox.js';
import { renderReply, type FeedbackLabels } from './render-reply.js';
import type { RoutedUpdate } from './to-inbound.js';

/** Telegram shows "typing…" for 5 s; renewed a little sooner while the core is still busy. */
const TYPING_RENEW_MS = 4_000;

export interface ResponderDeps {
  handler: MessageHandler;
  outbox: Outbox;
  labels: FeedbackLabels;
  logger: Logger;
}

/** Returns the function that handles one routed update end to end; it rejects on a failed send. */
export function createResponder({ handler, outbox, labels, logger }: ResponderDeps) {
  return async function respond(routed: RoutedUpdate, log: Logger = logger): Promise<void> {
    const { inbound, chatId, callback } = routed;

    if (inbound.kind === 'feedback' && callback) {
      const reply = await handler(inbound);
      await outbox.answerButton(callback.id, reply.text);
      // One vote per answer: without the buttons nobody can vote twice on the same message.
      await outbox.clearButtons(chatId, callback.messageId);
      return;
    }

    const typing = keepTyping(() => outbox.typing(chatId));
    let reply;
    try {
      reply = await handler(inbound);
    } finally {
      await typing.stop();
    }
    const parts = renderReply(reply, labels);
    if (parts.length === 0) {
      // An empty text means "say nothing" (e.g. over the rate limit after its one notice).
      log.debug({ kind: reply.kind }, 'telegram: empty reply, nothing sent');
      return;
    }
    for (const [index, part] of parts.entries()) {
      // Quote the asker only once, on the first part; the rest follow right below it.
      await outbox.send(chatId, part, { isGroup: inbound.isGroup === true, replyTo: index === 0 ? routed.replyTo : undefined });
    }
    log.debug({ kind: reply.kind, parts: parts.length }, 'telegram reply sent');
  };
}

/** Sends "typing" now and every few seconds until `stop()`, which waits for the last one. */
function keepTyping(send: () => Promise<void>): { stop: () => Promise<void> } {
  let last = send();
  const timer = setInterval(() => {
    last = send();
  }, TYPING_RENEW_MS);
  return {
    async stop() {
      clearInterval(timer);
      // The reply must not overtake the typing action, or "typing…" would show after it.
      await last;
    },
  };
}
