/**
 * Console chat: one line in, one reply out. The adapter for trying the bot with no chat
 * platform and no token, and the simplest example of the adapter contract.
 */
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createKeyedQueue } from '../../src/service/concurrency/keyed-queue.js';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Adapter, InboundMessage, MessageHandler } from '../../src/types.js';

export interface ConsoleAdapterOptions {
  input?: Readable;
  output?: Writable;
  /** Prompt shown before each line; '' in pipes. */
  prompt?: string;
  /** Send the `start` command once at start, so the person sees what to ask. */
  greet?: boolean;
  /** Called when the input ends (Ctrl-D, end of a pipe). */
  onClose?: () => void;
  /** Where a handler that rejects anyway (the core never does) is reported; stderr by default. */
  logger?: Logger;
}

const CONVERSATION = 'console';

/** Maps one typed line to the core's message type. */
export function toInbound(line: string): InboundMessage {
  return { adapter: 'console', conversationId: CONVERSATION, senderId: 'console-user', kind: 'text', text: line };
}

/** Creates the console adapter; nothing is read before `start()`. */
export function createConsoleAdapter(options: ConsoleAdapterOptions = {}): Adapter {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const prompt = options.prompt ?? '';
  let rl: readline.Interface | undefined;
  // Lines are answered one after another: a "2" must not overtake the menu it picks from.
  const lines = createKeyedQueue({
    onError: (error) =>
      options.logger
        ? options.logger.error({ err: error, code: ErrorCodes.CONSOLE_REPLY_FAILED }, 'console: answering a line failed')
        : process.stderr.write(`${ErrorCodes.CONSOLE_REPLY_FAILED}: ${(error as Error).message}\n`),
  });

  const say = (text: string) => output.write(`${text}\n\n`);

  return {
    name: 'console',
    async start(handler: MessageHandler) {
      const reply = async (line: string) => say((await handler(toInbound(line))).text);
      if (options.greet) say((await handler({ ...toInbound(''), kind: 'command', command: 'start' })).text);
      rl = readline.createInterface({ input, output, prompt, terminal: false });
      rl.on('line', (line) => {
        lines.push(CONVERSATION, async () => {
          await reply(line);
          if (prompt) rl?.prompt();
        });
      });
      rl.on('close', () => {
        void lines.idle().then(() => options.onClose?.());
      });
      if (prompt) rl.prompt();
    },
    async stop() {
      rl?.close();
      rl = undefined;
      await lines.idle();
    },
  };
}
