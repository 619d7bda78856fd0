import type { InboundMessage, MessageHandler, Reply } from '../../src/types.js';

/** A handler double: records every message and answers `echo:<text>` (or `kind:<kind>`). */
export function createRecordingHandler(options: { failOn?: string } = {}) {
  const received: InboundMessage[] = [];
  const handler: MessageHandler = async (message) => {
    received.push(message);
    if (options.failOn !== undefined && message.text === options.failOn) throw new Error('handler exploded');
    const reply: Reply = { kind: 'answer', text: message.kind === 'text' ? `echo:${message.text}` : `kind:${message.kind}` };
    return reply;
  };
  return { handler, received };
}
