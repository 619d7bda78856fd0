/**
 * A harness-like fake transport (see test/doubles/harness.ts): it turns texts into inbound
 * messages, keeps one serial lane per conversation like the real adapters do, calls the
 * app's handler and "sends" each reply to an in-memory outbox.
 */
export function createFakeTransport(handler) {
  const lanes = new Map();
  let sent = 0;
  return {
    /** Delivers `text` in `conversationId`; resolves once the reply is in the outbox. */
    deliver(conversationId, text) {
      const job = (lanes.get(conversationId) ?? Promise.resolve()).then(async () => {
        const reply = await handler({ adapter: 'fake', conversationId, senderId: conversationId, kind: 'text', text });
        if (reply.text.length > 0) sent += 1;
      });
      lanes.set(conversationId, job);
      return job;
    },
    get sent() {
      return sent;
    },
  };
}
