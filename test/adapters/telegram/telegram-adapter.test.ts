import { afterEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/telegram/index.js';
import { neverRejecting } from '../../doubles/never-rejecting.js';
import { silentLogger } from '../../../src/logger.js';
import type { MessageHandler } from '../../../src/types.js';
import { startFakeBotApi } from '../../doubles/fake-bot-api.js';
import { alice, bob, callbackUpdate, GROUP_ID, stickerUpdate, textUpdate } from '../../doubles/telegram-updates.js';
import { runAdapterContract } from '../adapter-contract.js';
import {
  CLARIFY,
  makeTelegramDriver,
  repliesAfter,
  scriptedCore,
  startTelegram,
  THANKS,
  UNSUPPORTED,
  type Started,
} from './telegram-setup.js';

const wrap = (handler: MessageHandler) =>
  neverRejecting(handler);

runAdapterContract('telegram', makeTelegramDriver, wrap);

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
const keyboardOf = (body: Record<string, unknown>) => body.reply_markup as Keyboard | undefined;
const lastSent = (t: Started, chatId: number) => t.api.callsOf('sendMessage', chatId).at(-1)?.body ?? {};

describe('telegram adapter over a fake Bot API', () => {
  let t: Started | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers a private question in plain text, with typing first and 👍 / 👎 under the answer', async () => {
    const core = scriptedCore({ '<b>': { kind: 'answer', text: 'a < b & c > d', entryId: 'x' } });
    t = await startTelegram(core.handler);
    t.api.push(textUpdate(alice, '法律援助在哪里'));
    expect(await repliesAfter(t.api, alice.id, 0)).toEqual(['答:法律援助在哪里']);
    expect(core.received[0]).toMatchObject({ adapter: 'telegram', kind: 'text', conversationId: '1001', senderId: '1001', isGroup: false });
    const body = lastSent(t, alice.id);
    expect(body.parse_mode).toBeUndefined(); // plain text: nothing in it is markup
    expect(keyboardOf(body)?.inline_keyboard).toEqual([
      [
        { text: '👍 有用', callback_data: 'fb:1:legal-aid.where' },
        { text: '👎 没用', callback_data: 'fb:0:legal-aid.where' },
      ],
    ]);
    const order = t.api.calls.filter((call) => call.method === 'sendChatAction' || call.method === 'sendMessage');
    expect(order.map((call) => call.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(order[0]?.body.action).toBe('typing');

    t.api.push(textUpdate(alice, '<b>'));
    expect(await repliesAfter(t.api, alice.id, 1)).toEqual(['a < b & c > d']);
  });

  it('registers /start /help /menu; /start shows the menu as buttons; a press carries the choice id', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler);
    const commands = t.api.callsOf('setMyCommands')[0]?.body.commands as Array<{ command: string }>;
    expect(commands.map((c) => c.command)).toEqual(['start', 'help', 'menu']);

    t.api.push(textUpdate(alice, '/start'));
    await repliesAfter(t.api, alice.id, 0);
    expect(core.received[0]).toMatchObject({ kind: 'command', command: 'start' });
    const menu = t.api.callsOf('sendMessage', alice.id)[0];
    expect(keyboardOf(menu?.body ?? {})?.inline_keyboard.flat().map((b) => [b.text, b.callback_data])).toEqual([
      ['1. 法律援助', 't:legal-aid'],
      ['2. 劳动争议', 't:wage-arrears'],
    ]);

    const press = callbackUpdate(alice, 't:wage-arrears', { chatId: alice.id, messageId: 1 });
    t.api.push(press);
    expect(await repliesAfter(t.api, alice.id, 1)).toEqual(['【t:wage-arrears】\n答复……\n来源:曲江区报告']);
    expect(core.received[1]).toMatchObject({ kind: 'choice', choiceId: 't:wage-arrears', conversationId: '1001' });
    const queryId = (press.callback_query as { id: string }).id;
    expect(t.api.callsOf('answerCallbackQuery').map((c) => c.body.callback_query_id)).toEqual([queryId]);

    for (const command of ['/help', '/menu@qujiang_law_bot', '/menu@QUJIANG_LAW_BOT']) t.api.push(textUpdate(alice, command));
    await repliesAfter(t.api, alice.id, 2, 3);
    expect(core.received.slice(2).map((m) => m.command)).toEqual(['help', 'menu', 'menu']);
    t.api.push(textUpdate(alice, '1'));
    await repliesAfter(t.api, alice.id, 5);
    expect(core.received.at(-1)?.text).toBe('1'); // typed digits still work
  });

  it('offers clarify choices as buttons and routes the pick', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler);
    t.api.push(textUpdate(alice, '老板不发工资'));
    await repliesAfter(t.api, alice.id, 0);
    const buttons = keyboardOf(lastSent(t, alice.id))?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => b.callback_data)).toEqual(['e:wage-arrears.who', 'e:work-injury.how']);
    expect(buttons.map((b) => b.text)).toEqual(CLARIFY.choices?.map((c) => `${c.n}. ${c.label}`));
    t.api.push(callbackUpdate(alice, 'e:wage-arrears.who', { chatId: alice.id, messageId: 1 }));
    await repliesAfter(t.api, alice.id, 1);
    expect(core.received[1]).toMatchObject({ kind: 'choice', choiceId: 'e:wage-arrears.who' });
    // A button of an earlier version carried the digit: still the digit the person could type.
    t.api.push(callbackUpdate(alice, '2', { chatId: alice.id, messageId: 1 }));
    await repliesAfter(t.api, alice.id, 2);
    expect(core.received[2]).toMatchObject({ kind: 'text', text: '2' });
  });

  it('turns 👍 / 👎 into feedback for the core, thanked by a toast and no chat message', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler);
    const press = callbackUpdate(bob, 'fb:0:labor.wages', { chatId: bob.id, messageId: 42 });
    t.api.push(press);
    const toast = await t.api.waitFor(() => t?.api.callsOf('answerCallbackQuery')[0]);
    expect(toast.body).toMatchObject({ callback_query_id: (press.callback_query as { id: string }).id, text: THANKS });
    expect(core.received[0]).toMatchObject({ kind: 'feedback', text: '', feedback: { useful: false, entryId: 'labor.wages' } });
    await t.api.waitFor(() => t?.api.callsOf('editMessageReplyMarkup')[0]);
    expect(t.api.callsOf('editMessageReplyMarkup')[0]?.body).toMatchObject({ chat_id: bob.id, message_id: 42 });
    expect(t.api.callsOf('sendMessage')).toHaveLength(0);
  });

  it('in groups answers only a mention (stripped), a reply to the bot or a command for it', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler);
    const botMessage = { message_id: 9, date: 1, chat: { id: GROUP_ID, type: 'supergroup' }, from: { id: t.api.bot.id, is_bot: true, first_name: 'bot', username: t.api.bot.username } };
    t.api.push(textUpdate(alice, '大家好,有人知道法律援助吗', { group: true }));
    t.api.push(textUpdate(alice, '/menu@some_other_bot', { group: true }));
    t.api.push(stickerUpdate(bob, { group: true }));
    t.api.push(textUpdate(bob, '@qujiang_law_bot 法律援助在哪里', { group: true }));
    expect(await repliesAfter(t.api, GROUP_ID, 0)).toEqual(['答:法律援助在哪里']);
    expect(core.received).toHaveLength(1);
    expect(core.received[0]).toMatchObject({ isGroup: true, conversationId: String(GROUP_ID), senderId: String(bob.id) });
    expect((lastSent(t, GROUP_ID).reply_parameters as { message_id: number }).message_id).toBeGreaterThan(0);

    t.api.push(textUpdate(alice, '2', { group: true, replyTo: botMessage }));
    t.api.push(textUpdate(alice, '/menu', { group: true }));
    await repliesAfter(t.api, GROUP_ID, 1, 2);
    expect(core.received.slice(1).map((m) => m.command ?? m.text)).toEqual(['2', 'menu']);
  });

  it('answers a sticker with a polite text, edited messages like new ones; ignores bots; sends nothing for an empty reply', async () => {
    const core = scriptedCore({ 静: { kind: 'fallback', text: '' } });
    t = await startTelegram(core.handler);
    t.api.push(textUpdate(alice, '静')); // an empty reply means "say nothing"
    t.api.push({ message: { message_id: 1, date: 1, chat: { id: 3003, type: 'private' }, from: { id: 3003, is_bot: true, first_name: 'b' }, text: 'hi' } });
    t.api.push(stickerUpdate(alice));
    expect(await repliesAfter(t.api, alice.id, 0)).toEqual([UNSUPPORTED]);
    t.api.push(textUpdate(alice, '法律援助', { edited: true }));
    expect(await repliesAfter(t.api, alice.id, 1)).toEqual(['答:法律援助']);
    expect(core.received.map((m) => m.kind)).toEqual(['text', 'sticker', 'text']);
  });

  it('splits a long reply at line breaks, paced per chat, buttons on the last part only', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `第${i + 1}条:${'法'.repeat(50)}`);
    const text = lines.join('\n');
    const core = scriptedCore({ 长: { kind: 'answer', text, entryId: 'long' } });
    t = await startTelegram(core.handler, { pacing: { chatGapMs: 150 } });
    t.api.push(textUpdate(alice, '长'));
    const parts = await repliesAfter(t.api, alice.id, 0, 2, 250);
    expect(parts).toHaveLength(2);
    expect(parts.every((part) => part.length <= 4096)).toBe(true);
    expect(parts.join('\n')).toBe(text);
    expect(parts[1]?.startsWith('第')).toBe(true);
    const sends = t.api.callsOf('sendMessage', alice.id);
    expect(keyboardOf(sends[0]?.body ?? {})).toBeUndefined();
    expect(keyboardOf(sends[1]?.body ?? {})).toBeDefined();
    // Paced at dispatch; the server times arrival, which a busy machine delays unevenly. Unpaced,
    // the second part would follow within a few milliseconds.
    expect((sends[1]?.at ?? 0) - (sends[0]?.at ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('waits retry_after on 429 and retries; another chat is not held up meanwhile', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler);
    t.api.failNext('sendMessage', { status: 429, retryAfter: 1 });
    t.api.push(textUpdate(alice, '甲'));
    await t.api.waitFor(() => t?.api.calls.some((c) => c.method === 'sendMessage' && !c.ok));
    t.api.push(textUpdate(bob, '乙'));
    expect(await repliesAfter(t.api, bob.id, 0)).toEqual(['答:乙']);
    expect(t.api.textsTo(alice.id)).toEqual([]); // still waiting out its 429
    expect(await repliesAfter(t.api, alice.id, 0)).toEqual(['答:甲']);
    const tries = t.api.calls.filter((c) => c.method === 'sendMessage' && Number(c.body.chat_id) === alice.id);
    expect(tries.map((c) => c.ok)).toEqual([false, true]);
    expect((tries[1]?.at ?? 0) - (tries[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('retries a dropped connection with backoff, and gives up on a 400 without blocking the chat', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler);
    t.api.failNext('sendMessage', 'drop');
    t.api.push(textUpdate(alice, '一'));
    expect(await repliesAfter(t.api, alice.id, 0)).toEqual(['答:一']);
    t.api.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    t.api.push(textUpdate(alice, '二'));
    t.api.push(textUpdate(alice, '三'));
    expect(await repliesAfter(t.api, alice.id, 1)).toEqual(['答:三']);
    expect(t.api.calls.filter((c) => c.method === 'sendMessage' && !c.ok)).toHaveLength(2);
  });

  it('finishes in-flight replies on stop', async () => {
    let release = () => {};
    const slow: MessageHandler = (message) =>
      new Promise((resolve) => {
        release = () => resolve({ kind: 'answer', text: `慢:${message.text}` });
      });
    t = await startTelegram(slow);
    t.api.push(textUpdate(alice, '问'));
    await t.api.waitFor(() => t?.api.callsOf('sendChatAction').length);
    const stopped = t.adapter.stop();
    setTimeout(() => release(), 50);
    await stopped;
    expect(t.api.textsTo(alice.id)).toEqual(['慢:问']);
  });

  it('stops within its timeout, dropping replies that would wait too long', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler, { stopTimeoutMs: 200 });
    t.api.failNext('sendMessage', { status: 429, retryAfter: 30 });
    t.api.push(textUpdate(alice, '慢'));
    await t.api.waitFor(() => t?.api.calls.some((c) => c.method === 'sendMessage' && !c.ok));
    const started = Date.now();
    await t.adapter.stop();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(t.api.textsTo(alice.id)).toEqual([]);
  });

  it('serves a webhook: refuses a missing or wrong secret, answers the right one', async () => {
    const core = scriptedCore();
    t = await startTelegram(core.handler, { webhookUrl: 'https://bot.example.org/tg/hook', webhookSecret: 's3cret', webhookHost: '127.0.0.1' });
    expect(t.api.callsOf('setWebhook')[0]?.body).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: 's3cret' });
    const post = (headers: Record<string, string>, path = '/tg/hook') =>
      fetch(`http://127.0.0.1:${t?.adapter.webhookPort}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ update_id: 1, ...textUpdate(alice, '网上问') }),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(403);
    expect((await post({ 'x-telegram-bot-api-secret-token': 's3cret' }, '/other')).status).toBe(404);
    expect(core.received).toHaveLength(0);
    const garbage = await fetch(`http://127.0.0.1:${t.adapter.webhookPort}/tg/hook`, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 's3cret' },
      body: JSON.stringify({ update_id: 2, message: { text: 'no chat, no sender' } }),
    });
    expect(garbage.status).toBe(200); // logged, not answered, and the process lives on
    expect((await post({ 'x-telegram-bot-api-secret-token': 's3cret' })).status).toBe(200);
    expect(await repliesAfter(t.api, alice.id, 0)).toEqual(['答:网上问']);
    expect(t.api.callsOf('getUpdates')).toHaveLength(0);
  });
});

describe('telegram adapter start', () => {
  it('connects nothing before start and fails start with a clear error on a bad token', async () => {
    const api = await startFakeBotApi();
    const adapter = createTelegramAdapter({ token: '1:wrong', apiRoot: api.apiRoot, webhookPort: 0, logger: silentLogger() });
    expect(api.calls).toHaveLength(0);
    await expect(adapter.start(scriptedCore().handler)).rejects.toThrow(/getMe failed/);
    await adapter.stop();
    await api.close();
  });
});
