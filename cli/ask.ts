import readline from 'node:readline';
import type { App } from '../src/app.js';
import { toReplyJson as replyJson } from '../src/reply-json.js';

const ask = (app: App, text: string, conversationId: string) =>
  app.handler({ adapter: 'cli', conversationId, senderId: 'cli', kind: 'text', text });

/** `ask "问题"`: prints the reply, or one JSON object with --json. */
export async function askOnce(app: App, question: string, json: boolean): Promise<void> {
  const reply = await ask(app, question, 'cli');
  process.stdout.write(json ? `${JSON.stringify(replyJson(reply))}\n` : `${reply.text}\n`);
}

/** `ask --jsonl`: one question a line on stdin, one JSON object a line out, in order. */
export async function askLines(app: App): Promise<void> {
  const lines = readline.createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n += 1;
    const reply = await ask(app, line, `cli-${n}`);
    process.stdout.write(`${JSON.stringify(replyJson(reply))}\n`);
  }
}
