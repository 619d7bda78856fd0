import readline from 'node:readline';
import type { App } from '../src/app.js';
import { toReplyJson } from '../src/reply-json.js';
import type { CliIo } from './io.js';

const ask = (app: App, text: string, conversationId: string) =>
  app.handler({ adapter: 'cli', conversationId, senderId: 'cli', kind: 'text', text });

/** `ask "问题"`: prints the reply, or one JSON object with --json. */
export async function askOnce(io: CliIo, app: App, question: string, json: boolean): Promise<void> {
  const reply = await ask(app, question, 'cli');
  io.stdout.write(json ? `${JSON.stringify(toReplyJson(reply))}\n` : `${reply.text}\n`);
}

/**
 * `ask --jsonl`: one question a line on stdin, one JSON object a line out, in order. A plain
 * line is its own conversation; a line `{"conversation": "c1", "text": "…"}` continues
 * conversation c1, so staff can replay whole dialogues.
 */
export async function askLines(io: CliIo, app: App): Promise<void> {
  const lines = readline.createInterface({ input: io.stdin, terminal: false, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    const turn = parseTurn(line);
    const reply = await ask(app, turn.text, turn.conversation ?? `cli-${n}`);
    io.stdout.write(`${JSON.stringify(toReplyJson(reply))}\n`);
  }
}

/** A JSONL line: a dialogue turn object, or plain text (also text that merely looks like JSON). */
function parseTurn(line: string): { text: string; conversation?: string } {
  if (!line.trimStart().startsWith('{')) return { text: line };
  try {
    const value: unknown = JSON.parse(line);
    if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') {
      const { text, conversation } = value as { text: string; conversation?: unknown };
      return typeof conversation === 'string' && conversation !== '' ? { text, conversation: `dialogue-${conversation}` } : { text };
    }
  } catch {
    // not JSON: the line is a question that happens to start with "{"
  }
  return { text: line };
}
