/**
 * The webhook against hostile and heavy traffic (issue 16, items 4 and 9): any body gets an
 * answer and the process lives; beyond its bound the webhook answers 429 so Telegram
 * redelivers; memory stays bounded over a 5,000-update burst.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { createIntake } from '../../../adapters/telegram/update-intake.js';
import { createWebhookHandler } from '../../../adapters/telegram/webhook.js';
import type { MessageHandler } from '../../../src/types.js';
import { createLogSink } from '../../doubles/log-sink.js';
import { alice, textUpdate } from '../../doubles/telegram-updates.js';
import { scriptedCore, startTelegram, type Started } from './telegram-setup.js';

const run = promisify(execFile);
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** Heap in use once garbage is collected: what the adapter keeps. */
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const BURST = new URL('../../doubles/webhook-burst.mjs', import.meta.url).pathname;
const SECRET = 's3cret';
const HOOK = { webhookUrl: 'https://bot.example.org/tg/hook', webhookSecret: SECRET, webhookHost: '127.0.0.1' };

/** JSON of `levels` nested objects (built as text: JSON.stringify of it would overflow the stack). */
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const json = (value: unknown) => JSON.stringify(value);

/** Bodies nobody should send (as JSON text), each with the right secret. */
const HOSTILE: Array<[string, string]> = [
  ['null', 'null'],
  ['a number', '42'],
  ['a string', '"update"'],
  ['true', 'true'],
  ['an empty array', '[]'],
  ['an array of updates', json([{ update_id: 1, ...textUpdate(alice, '一') }])],
  ['an empty object', '{}'],
  ['a negative update id', json({ update_id: -1 })],
  ['a string update id', json({ update_id: '7' })],
  ['an update with nothing in it', json({ update_id: 10 })],
  ['a message that is a string', json({ update_id: 11, message: 'hello' })],
  ['a message without chat or sender', json({ update_id: 12, message: { text: '你好' } })],
  ['a message whose chat is null', json({ update_id: 13, message: { message_id: 1, date: 1, chat: null, from: { id: 1 }, text: 'x' } })],
  ['a callback query without data or message', json({ update_id: 14, callback_query: { id: 'q', from: { id: 1 } } })],
  ['a callback query with data of another type', json({ update_id: 15, callback_query: { id: 'q', from: { id: 1 }, data: 12, message: {} } })],
  ['deep nesting as the message', `{"update_id":16,"message":${deep(100_000)}}`],
  ['deep nesting beside a real message', `${json({ update_id: 17, ...textUpdate(alice, '深') }).slice(0, -1)},"extra":${deep(100_000)}}`],
  ['deep nesting in an array', `[${'['.repeat(100_000)}${']'.repeat(100_000)}]`],
];

describe('telegram webhook bodies', () => {
  it.each(HOSTILE)('answers %s without throwing', (_name, raw) => {
    const body: unknown = JSON.parse(raw);
    const sink = createLogSink();
    const intake = createIntake({
      username: 'qujiang_law_bot',
      respond: async () => undefined,
      answerButton: async () => undefined,
      maxInFlight: 10,
      maxPerChat: 5,
      hash: (key) => key,
      logger: sink.logger,
      onFailure: () => undefined,
    });
    const handler = createWebhookHandler({ secret: SECRET, intake, logger: sink.logger });
    const answer = handler.handle({ headers: { 'x-telegram-bot-api-secret-token': SECRET }, body });
    expect(answer.status).toBe(200);
    expect(sink.text().length).toBeLessThan(5_000); // a short line, never the body
  });

  let t: Started | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('over HTTP: every hostile body gets 200 and the bot goes on answering', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler, HOOK);
    const post = (body: string) =>
      fetch(`http://127.0.0.1:${t?.adapter.webhookPort}/tg/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
    for (const [, raw] of HOSTILE) expect((await post(raw)).status).toBe(200);
    expect((await post('{"update_id": 1, ')).status).toBe(400); // not JSON at all
    expect((await post(`[${'['.repeat(450_000)}${']'.repeat(450_000)}]`)).status).toBe(200); // as deep as 1 MB allows
    expect((await post(' '.repeat(1_100_000))).status).toBe(413);
    expect((await post(JSON.stringify({ update_id: 99, ...textUpdate(alice, '还在吗') }))).status).toBe(200);
    // Some hostile bodies are readable updates from alice too: wait for this one's answer, not the first quiet moment.
    const api = t.api;
    await api.waitFor(() => api.textsTo(alice.id).includes('答:还在吗'));
    expect(api.textsTo(alice.id)).toContain('答:还在吗');
  });
});

describe('telegram webhook bound', () => {
  let t: Started | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('takes at most maxInFlight updates and answers 429 beyond, so Telegram delivers them later; 5,000 updates keep memory bounded', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handler: MessageHandler = async (message) => {
      await gate;
      return { kind: 'answer', text: `答:${message.text.slice(0, 10)}` };
    };
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    t = await startTelegram(handler, { ...HOOK, maxInFlight: 200, maxPendingPerChat: 5 });
    const url = `http://127.0.0.1:${t.adapter.webhookPort}/tg/hook`;
    const heapBefore = heapAfterGc();
    // The sender runs in a process of its own, as Telegram would: this process's memory is the server's.
    const { stdout } = await run(process.execPath, [BURST, url, SECRET, '5000'], { maxBuffer: 1e6 });
    // Measured: 1–3 MB kept with the bound; 18 MB with all 5,000 taken (RSS is too noisy to compare).
    const keptMb = (heapAfterGc() - heapBefore) / 1e6;
    expect(JSON.parse(stdout)).toEqual({ 200: 200, 429: 4_800 });
    expect(keptMb).toBeLessThan(8);
    release();
    await t.api.waitFor(() => t?.api.callsOf('sendMessage').length === 200, 10_000);
    process.off('warning', onWarning);
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });
});
