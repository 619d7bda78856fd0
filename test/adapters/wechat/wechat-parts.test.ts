import { describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { createAccountLimits } from '../../../adapters/wechat/account-limits.js';
import { createAwaitedAnswers } from '../../../adapters/wechat/awaited-answers.js';
import {
  decideRoute,
  kindOf,
  mentionsName,
  stripMentions,
  toInbound,
  type MessageFacts,
  type MessageLike,
} from '../../../adapters/wechat/index.js';
import { createSendQueue } from '../../../adapters/wechat/send-queue.js';
import { silentLogger } from '../../../src/logger.js';
import { createManualClock } from '../../doubles/manual-clock.js';

const message = (type: number, text: string, room?: string): MessageLike => ({
  type: () => type,
  text: () => text,
  talker: () => ({ id: 'wxid_alice' }),
  room: () => (room ? { id: room } : undefined),
  date: () => new Date(1_700_000_000_000),
});

describe('toInbound', () => {
  it('maps a private text to the person’s conversation', () => {
    expect(toInbound(message(types.Message.Text, '工资被拖欠'))).toEqual({
      adapter: 'wechat',
      conversationId: 'wxid_alice',
      senderId: 'wxid_alice',
      kind: 'text',
      text: '工资被拖欠',
      isGroup: false,
      receivedAt: 1_700_000_000_000,
    });
  });

  it('maps a room text to the room’s conversation, with the sender and the given text', () => {
    const inbound = toInbound(message(types.Message.Text, '@曲江法律助手 离婚', '123@chatroom'), '离婚');
    expect(inbound).toMatchObject({ conversationId: '123@chatroom', senderId: 'wxid_alice', isGroup: true, text: '离婚' });
  });

  it('maps every non-text type to a kind with empty text', () => {
    const expected: Array<[number, string]> = [
      [types.Message.Image, 'image'],
      [types.Message.Audio, 'voice'],
      [types.Message.Emoticon, 'sticker'],
      [types.Message.Attachment, 'file'],
      [types.Message.Url, 'link'],
      [types.Message.MiniProgram, 'link'],
      [types.Message.RedEnvelope, 'money'],
      [types.Message.Transfer, 'money'],
      [types.Message.Video, 'video'],
      [types.Message.Location, 'location'],
      [types.Message.Contact, 'contact'],
      [types.Message.ChatHistory, 'other'],
      [types.Message.Unknown, 'other'],
    ];
    for (const [type, kind] of expected) {
      expect(kindOf(type)).toBe(kind);
      expect(toInbound(message(type, '<xml>raw</xml>')).text).toBe('');
    }
  });
});

describe('mentions', () => {
  const names = ['曲江法律助手', '小曲'];
  it('finds "@name" followed by the WeChat mention space, a space, punctuation or the end', () => {
    expect(mentionsName('@曲江法律助手\u2005工资被拖欠', names)).toBe(true);
    expect(mentionsName('请问 @小曲 离婚', names)).toBe(true);
    expect(mentionsName('@小曲,在吗', names)).toBe(true);
    expect(mentionsName('问一下@小曲', names)).toBe(true);
  });
  it('does not take a longer name or a name without @ for a mention', () => {
    expect(mentionsName('@小曲奇 你好', names)).toBe(false);
    expect(mentionsName('小曲 你好', names)).toBe(false);
    expect(mentionsName('@小曲', [])).toBe(false);
  });
  it('strips the bot’s mentions only', () => {
    expect(stripMentions('@曲江法律助手\u2005工资被拖欠怎么办', names)).toBe('工资被拖欠怎么办');
    expect(stripMentions('@张三 @小曲 2', names)).toBe('@张三 2');
    expect(stripMentions('@小曲', names)).toBe('');
  });
});

describe('decideRoute', () => {
  const facts = (over: Partial<MessageFacts>): MessageFacts => ({
    self: false,
    talkerType: types.Contact.Individual,
    type: types.Message.Text,
    ageMs: 0,
    inRoom: false,
    roomListed: false,
    mentioned: false,
    ...over,
  });
  it('answers private messages of any kind', () => {
    expect(decideRoute(facts({}), 60_000)).toBeUndefined();
    expect(decideRoute(facts({ type: types.Message.Audio }), 60_000)).toBeUndefined();
  });
  it('never answers itself, official accounts, notices or stale messages', () => {
    expect(decideRoute(facts({ self: true }), 60_000)).toBe('self');
    expect(decideRoute(facts({ talkerType: types.Contact.Official }), 60_000)).toBe('official');
    expect(decideRoute(facts({ type: types.Message.Recalled }), 60_000)).toBe('system');
    expect(decideRoute(facts({ ageMs: 60_001 }), 60_000)).toBe('stale');
  });
  it('answers rooms only when mentioned or listed, and only text', () => {
    expect(decideRoute(facts({ inRoom: true }), 60_000)).toBe('room-not-addressed');
    expect(decideRoute(facts({ inRoom: true, mentioned: true }), 60_000)).toBeUndefined();
    expect(decideRoute(facts({ inRoom: true, roomListed: true }), 60_000)).toBeUndefined();
    expect(decideRoute(facts({ inRoom: true, roomListed: true, type: types.Message.Image }), 60_000)).toBe('room-non-text');
  });
});

describe('account limits', () => {
  it('limits a room whoever asks (one notice, then silence) while private chats are the core’s to limit', async () => {
    const clock = createManualClock();
    const limits = createAccountLimits({ roomPerMinute: 2, dailyCap: 100 }, clock);
    expect(['a', 'b', 'c', 'd'].map(() => limits.admit('room'))).toEqual(['ok', 'ok', 'room-notice', 'silent']);
    expect(limits.admit('other-room')).toBe('ok');
    expect(Array.from({ length: 10 }, () => limits.admit()).every((verdict) => verdict === 'ok')).toBe(true);
    await clock.advance(60_000);
    expect(limits.admit('room')).toBe('ok');
  });

  it('caps the account in any 24 hours, counting notices and greetings, and says so once', async () => {
    const clock = createManualClock();
    const limits = createAccountLimits({ roomPerMinute: 1, dailyCap: 4 }, clock);
    expect([limits.admit('room'), limits.admit('room'), limits.admit('room')]).toEqual(['ok', 'room-notice', 'silent']);
    expect(limits.admitExtra()).toBe('ok');
    await clock.advance(60 * 60_000);
    expect(limits.admit()).toBe('ok'); // the fourth message
    expect([limits.admit(), limits.admit(), limits.admitExtra()]).toEqual(['capped-first', 'capped', 'capped']);
    await clock.advance(23 * 60 * 60_000); // the first messages age out of the 24 hours
    expect(limits.admit()).toBe('ok');
  });
});

describe('awaited answers in rooms', () => {
  it('takes the bare answer a reply awaits, without @, once, from that person, within its window', async () => {
    const clock = createManualClock();
    const awaited = createAwaitedAnswers(clock);
    expect(awaited.take('room', 'alice', '2')).toBe(false);
    awaited.replied('room', 'alice', 'pick');
    expect(awaited.take('room', 'bob', '2')).toBe(false);
    expect(awaited.take('other-room', 'alice', '2')).toBe(false);
    expect(awaited.take('room', 'alice', '2号楼漏水怎么办')).toBe(false); // a new question needs the @
    expect(awaited.take('room', 'alice', '好的')).toBe(false);
    expect(awaited.take('room', 'alice', '第二个')).toBe(true);
    expect(awaited.take('room', 'alice', '3')).toBe(false); // once

    awaited.replied('room', 'alice', 'pick');
    expect(awaited.take('room', 'alice', '３')).toBe(true); // full width
    awaited.replied('room', 'alice', 'vote');
    await clock.advance(2 * 60_000);
    expect(awaited.take('room', 'alice', '1')).toBe(false); // a vote's window is shorter

    awaited.replied('room', 'alice', 'pick');
    awaited.replied('room', 'alice', undefined); // a reply awaiting nothing closes it
    expect(awaited.take('room', 'alice', '1')).toBe(false);
  });
});

describe('send queue', () => {
  it('sends one at a time with the minimum gap plus jitter, first send at once', async () => {
    const clock = createManualClock();
    const times: number[] = [];
    const queue = createSendQueue({ minGapMs: 1_000, jitterMs: 500, maxLength: 10, clock, random: () => 0.5, logger: silentLogger() });
    const start = clock.now();
    const done = Promise.all([
      queue.push('a', [async () => void times.push(clock.now() - start)]),
      queue.push('b', [async () => void times.push(clock.now() - start), async () => void times.push(clock.now() - start)]),
    ]);
    await clock.advance(10_000);
    await expect(done).resolves.toEqual([true, true]);
    expect(times).toEqual([0, 1_250, 2_500]);
  });

  it('refuses a reply that does not fit, and drops what is left on close after the timeout', async () => {
    const clock = createManualClock();
    const sent: string[] = [];
    const queue = createSendQueue({ minGapMs: 10_000, jitterMs: 0, maxLength: 3, clock, logger: silentLogger() });
    const send = (label: string) => async () => void sent.push(label);
    const first = queue.push('a', [send('a')]);
    const second = queue.push('b', [send('b1'), send('b2')]);
    await expect(queue.push('c', [send('c1'), send('c2')])).resolves.toBe(false);
    const closing = queue.close(15_000);
    await clock.advance(15_000);
    await expect(closing).resolves.toBe(1);
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(false);
    expect(sent).toEqual(['a', 'b1']);
    await expect(queue.push('d', [send('d')])).resolves.toBe(false);
  });

  it('logs a failed send and goes on', async () => {
    const queue = createSendQueue({ minGapMs: 0, jitterMs: 0, maxLength: 5, clock: createManualClock(), logger: silentLogger() });
    const failed = queue.push('x', [async () => Promise.reject(new Error('network'))]);
    const next = queue.push('y', [async () => undefined]);
    await expect(failed).resolves.toBe(false);
    await expect(next).resolves.toBe(true);
  });
});
