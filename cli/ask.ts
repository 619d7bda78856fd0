import readline from 'node:readline';
import type { App } from '../src/app.js';
import type { Reply } from '../src/types.js';

/** The machine-readable shape of one reply. */
export function replyJson(reply: Reply): { kind: string; text: string; entry: string | null; score: number | null } {
  return {
    kind: reply.kind,
    text: reply.text,
    entry: reply.entryId ?? null,
    score: reply.score === undefined ? null : Number(reply.score.toFixed(4)),
  };
}

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
