import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../doubles/eventually.js';
import { createConsoleAdapter, toInbound } from '../../../adapters/console/console-adapter.js';
import { neverRejecting } from '../../doubles/never-rejecting.js';
import type { MessageHandler } from '../../../src/types.js';
import { runAdapterContract, type ContractDriver } from '../adapter-contract.js';

/** Plays a terminal: lines in, the adapter's printed blocks out. */
async function makeConsoleDriver(): Promise<ContractDriver> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return {
    adapter: createConsoleAdapter({ input, output }),
    multiplePeople: false,
    async sendText(text) {
      const before = chunks.length;
      input.write(`${text}\n`);
      // The reply, or none within 2 s (a reply that says nothing).
      await eventually(() => chunks.length > before, 2_000, 5).catch(() => undefined);
      return chunks.slice(before);
    },
  };
}

const wrap = (handler: MessageHandler) =>
  neverRejecting(handler);

runAdapterContract('console', makeConsoleDriver, wrap);

describe('console adapter', () => {
  it('maps a typed line to a text message of the console conversation', () => {
    expect(toInbound('你好')).toEqual({
      adapter: 'console',
      conversationId: 'console',
      senderId: 'console-user',
      kind: 'text',
      text: '你好',
    });
  });

  it('sends the greeting at start and answers lines in order', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => {
      const adapter = createConsoleAdapter({ input, output, greet: true, onClose: resolve });
      void adapter.start(async (message) => ({ kind: 'answer', text: `<${message.command ?? message.text}>` }));
    });
    input.end('一\n二\n');
    await closed;
    expect(printed).toBe('<start>\n\n<一>\n\n<二>\n\n');
  });
});
