import { TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import { describe, expect, it } from 'vitest';
import {
  createThrottle,
  decodeButton,
  encodeChoice,
  encodeFeedback,
  parseCommand,
  renderReply,
  retryDelay,
  stripMention,
  toInbound,
} from '../../../adapters/telegram/index.js';
import { alice, callbackUpdate, GROUP_ID, messageUpdate, stickerUpdate, textUpdate } from '../../doubles/telegram-updates.js';

const BOT = 'qujiang_law_bot';
const map = (update: Record<string, unknown>) => toInbound({ update_id: 1, ...update } as unknown as Update, BOT);
const botUser = { id: 9, is_bot: true, first_name: 'bot', username: BOT };

describe('toInbound', () => {
  it('maps a private text, keeping chat and sender ids and the send time', () => {
    const update = textUpdate(alice, '  法律援助在哪里 ');
    const date = (update.message as { date: number }).date;
    expect(map(update)).toEqual({
      adapter: 'telegram',
      conversationId: '1001',
      senderId: '1001',
      kind: 'text',
      text: '法律援助在哪里',
      isGroup: false,
      receivedAt: date * 1000,
      capabilities: { buttons: true },
    });
  });

  it.each([
    [{ sticker: { file_id: 's' } }, 'sticker'],
    [{ photo: [{ file_id: 'p' }] }, 'image'],
    [{ document: { file_id: 'd', mime_type: 'image/png' } }, 'image'],
    [{ document: { file_id: 'd', mime_type: 'application/pdf' } }, 'file'],
    [{ voice: { file_id: 'v' } }, 'voice'],
    [{ audio: { file_id: 'a' } }, 'voice'],
    [{ video: { file_id: 'v' } }, 'video'],
    [{ video_note: { file_id: 'v' } }, 'video'],
    [{ animation: { file_id: 'g' }, document: { file_id: 'g' } }, 'video'],
    [{ location: { latitude: 24.8, longitude: 113.6 } }, 'location'],
    [{ venue: { location: { latitude: 1, longitude: 2 }, title: 't' }, location: { latitude: 1, longitude: 2 } }, 'location'],
    [{ contact: { phone_number: '1', first_name: 'x' } }, 'contact'],
    [{ poll: { id: 'p' } }, 'other'],
    [{ dice: { emoji: '🎲', value: 3 } }, 'other'],
  ])('maps %o to kind %s with empty text', (content, kind) => {
    expect(map(messageUpdate(alice, content))).toMatchObject({ kind, text: '' });
  });

  it('ignores service messages, channel posts, bots and other updates', () => {
    expect(map(messageUpdate(alice, { new_chat_members: [alice] }))).toBeUndefined();
    expect(map(messageUpdate(alice, { pinned_message: {} }))).toBeUndefined();
    expect(map({ message: { message_id: 1, date: 1, chat: { id: -5, type: 'channel' }, text: 'x' } })).toBeUndefined();
    expect(map(textUpdate({ ...alice, is_bot: true }, 'hi'))).toBeUndefined();
    expect(map({ channel_post: { message_id: 1, date: 1, chat: { id: -5, type: 'channel' }, text: 'x' } })).toBeUndefined();
    expect(map({ inline_query: { id: '1', from: alice, query: 'x', offset: '' } })).toBeUndefined();
  });

  it('answers edited messages like new ones, timed at the edit', () => {
    const inbound = map(textUpdate(alice, '改过的问题', { edited: true }));
    expect(inbound).toMatchObject({ kind: 'text', text: '改过的问题' });
  });

  it('maps /start /help /menu (with or without @bot, with a payload) to commands; other commands pass without @bot', () => {
    for (const [text, command] of [['/start', 'start'], ['/help', 'help'], ['/menu', 'menu'], ['/START', 'start'], [`/menu@${BOT}`, 'menu'], ['/start ref-42', 'start']]) {
      expect(map(textUpdate(alice, text as string))).toMatchObject({ kind: 'command', command, text: '' });
    }
    expect(map(textUpdate(alice, `/foo@${BOT} 工资`))?.text).toBe('/foo 工资');
    expect(map(textUpdate(alice, '/menu@other_bot'))).toBeUndefined();
  });

  it('in groups needs a mention, a reply to the bot or a command, and strips the mention', () => {
    expect(map(textUpdate(alice, '法律援助在哪里', { group: true }))).toBeUndefined();
    expect(map(textUpdate(alice, 'mail me at x@qujiang_law_bot_fan', { group: true }))).toBeUndefined();
    expect(map(textUpdate(alice, `@${BOT} 法律援助在哪里`, { group: true }))).toMatchObject({
      text: '法律援助在哪里',
      isGroup: true,
      conversationId: String(GROUP_ID),
      senderId: '1001',
    });
    expect(map(textUpdate(alice, `法律援助 @QUJIANG_LAW_BOT 在哪里`, { group: true }))?.text).toBe('法律援助 在哪里');
    const reply = { message_id: 3, date: 1, chat: { id: GROUP_ID, type: 'supergroup' }, from: botUser, text: 'menu' };
    expect(map(textUpdate(alice, '2', { group: true, replyTo: reply }))?.text).toBe('2');
    const toPerson = { ...reply, from: { id: 5, is_bot: false, first_name: 'p' } };
    expect(map(textUpdate(alice, '2', { group: true, replyTo: toPerson }))).toBeUndefined();
    expect(map(textUpdate(alice, '/menu', { group: true }))?.command).toBe('menu');
    expect(map(stickerUpdate(alice, { group: true }))).toBeUndefined();
    expect(map(messageUpdate(alice, { photo: [{ file_id: 'p' }], caption: `@${BOT} 看看` }, { group: true }))?.kind).toBe('image');
  });

  it('maps button presses: a digit to typed text, 👍 / 👎 to feedback, unknown data to nothing', () => {
    const at = { chatId: alice.id, messageId: 7 };
    expect(map(callbackUpdate(alice, '3', at))).toEqual({
      adapter: 'telegram',
      conversationId: '1001',
      senderId: '1001',
      isGroup: false,
      kind: 'text',
      text: '3',
      capabilities: { buttons: true },
    });
    expect(map(callbackUpdate(alice, 'fb:1:legal-aid.where', at))).toMatchObject({
      kind: 'feedback',
      text: '',
      feedback: { useful: true, entryId: 'legal-aid.where' },
    });
    expect(map(callbackUpdate(alice, 'fb:0:', at))?.feedback).toEqual({ useful: false });
    expect(map(callbackUpdate(alice, 'something-else', at))).toBeUndefined();
    expect(map(callbackUpdate(alice, '2', { chatId: GROUP_ID, messageId: 7 }))).toMatchObject({ isGroup: true, conversationId: String(GROUP_ID) });
  });
});

describe('commands, buttons and rendering', () => {
  it('parses commands and strips mentions', () => {
    expect(parseCommand('/start@Bot payload')).toEqual({ name: 'start', target: 'Bot', rest: 'payload' });
    expect(parseCommand('/start2')).toMatchObject({ name: 'start2' });
    expect(parseCommand('不是 /start')).toBeUndefined();
    expect(stripMention(`@${BOT}`, BOT)).toBe('');
  });

  it('keeps feedback data within 64 bytes', () => {
    expect(encodeFeedback(true, 'a'.repeat(59))).toHaveLength(64);
    expect(encodeFeedback(true, 'a'.repeat(60))).toBe('fb:1:');
    expect(decodeButton('0')).toBeUndefined();
    expect(encodeChoice({ n: 2, id: 'e:legal-aid.where' })).toBe('e:legal-aid.where');
    expect(encodeChoice({ n: 2, id: `e:${'a'.repeat(70)}` })).toBe('2');
    expect(decodeButton('t:legal-aid')).toEqual({ type: 'choice', id: 't:legal-aid' });
  });

  it("carries a guided flow's button ids as they are, so an old button answers its own step", () => {
    for (const id of ['f:legal-aid:matter:civil', 'f:intake-wages:#back', 'f:intake-dv:#edit:safe']) {
      expect(encodeChoice({ n: 3, id })).toBe(id);
      expect(decodeButton(id)).toEqual({ type: 'choice', id });
    }
    // Too long for Telegram's 64 bytes: the number the person could have typed.
    expect(encodeChoice({ n: 4, id: `f:intake-wages:${'a'.repeat(60)}:x` })).toBe('4');
    expect(decodeButton('f:Legal-Aid:#back')).toBeUndefined();
  });

  it('renders plain text as is, split within 4096 UTF-16 units, buttons on the last part', () => {
    const markupLike = 'a < b & <b>c</b>';
    expect(renderReply({ kind: 'fallback', text: markupLike }, { useful: 'y', notUseful: 'n' })).toEqual([{ text: markupLike }]);
    const text = `${'法'.repeat(4000)}\n${'😀'.repeat(100)}`;
    const parts = renderReply({ kind: 'answer', text, entryId: 'x' }, { useful: 'y', notUseful: 'n' });
    expect(parts.map((part) => part.text.length)).toEqual([4000, 200]);
    expect(parts[0]?.keyboard).toBeUndefined();
    expect(parts[1]?.keyboard?.inline_keyboard.flat().map((b) => ('callback_data' in b ? b.callback_data : ''))).toEqual(['fb:1:x', 'fb:0:x']);
    expect(renderReply({ kind: 'limited', text: '' }, { useful: 'y', notUseful: 'n' })).toEqual([]);
  });
});

describe('retry and pacing rules', () => {
  const policy = { attempts: 3, backoffMs: 100, maxRetryAfterMs: 5_000 };
  const telegramError = (code: number, retryAfter?: number) =>
    new TelegramError({ error_code: code, description: 'x', ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });

  it('waits retry_after on 429, backs off on 5xx and network errors, gives up on 4xx and when bounded', () => {
    expect(retryDelay(telegramError(429, 2), 1, policy)).toBe(2_000);
    expect(retryDelay(telegramError(429, 60), 1, policy)).toBeUndefined();
    expect(retryDelay(telegramError(502), 2, policy)).toBe(200);
    expect(retryDelay(Object.assign(new Error('reset'), { name: 'FetchError', code: 'ECONNRESET' }), 1, policy)).toBe(100);
    expect(retryDelay(telegramError(400), 1, policy)).toBeUndefined();
    expect(retryDelay(telegramError(403), 1, policy)).toBeUndefined();
    expect(retryDelay(new TypeError('bug'), 1, policy)).toBeUndefined();
    expect(retryDelay(telegramError(429, 1), 3, policy)).toBeUndefined();
  });

  it('paces a chat, caps a group per minute and all chats per second, and drops what waits at stop', async () => {
    const throttle = createThrottle({ chatGapMs: 150, groupPerMinute: 2, globalPerSecond: 4 });
    const started = Date.now();
    const at = (chatId: number, isGroup = false) => throttle.schedule(chatId, isGroup, async () => Date.now() - started);
    const [a1, a2, g1, g2, g3, b1, c1] = [at(1), at(1), at(-5, true), at(-5, true), at(-5, true), at(2), at(3)];
    const sent = await Promise.all([a1, a2, g1, g2, b1, c1]);
    expect((await a2) - (await a1)).toBeGreaterThanOrEqual(140); // one chat: the gap
    expect((await g2) - (await g1)).toBeGreaterThanOrEqual(140);
    // Four a second over all chats: two of the six wait for the next second.
    expect(sent.filter((ms) => ms < 900)).toHaveLength(4);
    // The group's third message waits for the next minute, beyond this test: stop drops it.
    const third = g3.then(() => 'sent', () => 'dropped');
    await throttle.stop();
    expect(await third).toBe('dropped');
  });
});
