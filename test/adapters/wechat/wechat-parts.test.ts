import { afterEach, describe, expect, it, vi } from 'vitest';
import { types } from 'wechaty';
import { systemClock } from '../../../adapters/wechat/clock.js';
import {
  decideRoute,
  kindOf,
  mentionsName,
  splitReply,
  stripMentions,
  toInbound,
  type MessageFacts,
  type MessageLike,
} from '../../../adapters/wechat/index.js';
import { createPendingPicks } from '../../../adapters/wechat/pending-picks.js';
import { createRateLimiter } from '../../../adapters/wechat/rate-limiter.js';
import { createSendQueue } from '../../../adapters/wechat/send-queue.js';
import { silentLogger } from '../../../src/logger.js';

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

describe('splitReply', () => {
  it('keeps a short reply whole', () => {
    expect(splitReply('  你好  ', 10)).toEqual(['你好']);
    expect(splitReply('', 10)).toEqual([]);
  });
  it('numbers the parts of a long reply, each within the limit, cutting at lines then sentences', () => {
    const text = ['【劳动报酬】', '用人单位应当按时足额支付工资。'.repeat(12), '来源:劳动合同法第三十条'].join('\n');
    const parts = splitReply(text, 60);
    expect(parts.length).toBeGreaterThan(2);
    parts.forEach((part, index) => {
      expect(part.startsWith(`(${index + 1}/${parts.length}) `)).toBe(true);
      expect(Array.from(part).length).toBeLessThanOrEqual(60);
    });
    const rejoined = parts.map((part) => part.replace(/^\(\d+\/\d+\) /, '')).join('');
    expect(rejoined.replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(parts[0]).toContain('【劳动报酬】\n'); // the title line stays on its own line
    expect(parts.at(-1)).toContain('来源:劳动合同法第三十条');
  });
  it('cuts a line with no punctuation hard, counting characters not bytes', () => {
    const parts = splitReply('法'.repeat(50), 20);
    expect(parts.every((part) => Array.from(part).length <= 20)).toBe(true);
    expect(parts.join('').replace(/\(\d+\/\d+\) /g, '')).toBe('法'.repeat(50));
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

describe('rate limiter', () => {
  let now = Date.parse('2024-05-01T10:00:00');
  const clock = { ...systemClock, now: () => now };

  it('allows N answers per person per minute, then one notice, then silence until the window passes', () => {
    const limiter = createRateLimiter({ contactPerMinute: 2, roomPerMinute: 10, dailyCap: 100 }, clock);
    expect(limiter.admit('alice').verdict).toBe('ok');
    expect(limiter.admit('alice').verdict).toBe('ok');
    expect(limiter.admit('alice')).toEqual({ verdict: 'notice', scope: 'contact' });
    expect(limiter.admit('alice').verdict).toBe('silent');
    expect(limiter.admit('bob').verdict).toBe('ok');
    now += 60_000;
    expect(limiter.admit('alice').verdict).toBe('ok');
  });

  it('limits a room whoever asks, and counts the daily cap until the next day', () => {
    const limiter = createRateLimiter({ contactPerMinute: 10, roomPerMinute: 2, dailyCap: 4 }, clock);
    expect(limiter.admit('a', 'room').verdict).toBe('ok');
    expect(limiter.admit('b', 'room').verdict).toBe('ok');
    expect(limiter.admit('c', 'room')).toEqual({ verdict: 'notice', scope: 'room' });
    expect(limiter.admit('d', 'room').verdict).toBe('silent');
    expect(limiter.admitExtra()).toBe(true);
    expect(limiter.admit('e').verdict).toBe('capped');
    expect(limiter.admitExtra()).toBe(false);
    now += 24 * 60 * 60_000;
    expect(limiter.admit('e').verdict).toBe('ok');
  });
});

describe('pending picks in rooms', () => {
  it('takes a bare pick without @ only from the person who got the list, for five minutes', () => {
    let now = 0;
    const picks = createPendingPicks({ ...systemClock, now: () => now });
    expect(picks.accepts('room', 'alice', '2')).toBe(false);
    picks.remember('room', 'alice');
    expect(picks.accepts('room', 'alice', '2')).toBe(true);
    expect(picks.accepts('room', 'alice', '第二个')).toBe(true);
    expect(picks.accepts('room', 'alice', '３')).toBe(true);
    expect(picks.accepts('room', 'alice', '2号楼漏水怎么办')).toBe(false);
    expect(picks.accepts('room', 'bob', '2')).toBe(false);
    expect(picks.accepts('other-room', 'alice', '2')).toBe(false);
    now += 5 * 60_000;
    expect(picks.accepts('room', 'alice', '2')).toBe(false);
  });
});

describe('send queue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends one at a time with the minimum gap plus jitter, first send at once', async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    const queue = createSendQueue({
      minGapMs: 1_000,
      jitterMs: 500,
      maxLength: 10,
      clock: systemClock,
      random: () => 0.5,
      logger: silentLogger(),
    });
    const start = Date.now();
    const done = Promise.all([
      queue.push('a', [async () => void times.push(Date.now() - start)]),
      queue.push('b', [async () => void times.push(Date.now() - start), async () => void times.push(Date.now() - start)]),
    ]);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(done).resolves.toEqual([true, true]);
    expect(times).toEqual([0, 1_250, 2_500]);
  });

  it('refuses a reply that does not fit, and drops what is left on close after the timeout', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const queue = createSendQueue({ minGapMs: 10_000, jitterMs: 0, maxLength: 3, clock: systemClock, logger: silentLogger() });
    const send = (label: string) => async () => void sent.push(label);
    const first = queue.push('a', [send('a')]);
    const second = queue.push('b', [send('b1'), send('b2')]);
    await expect(queue.push('c', [send('c1'), send('c2')])).resolves.toBe(false);
    const closing = queue.close(15_000);
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(closing).resolves.toBe(1);
    await expect(first).resolves.toBe(true);
    await expect(second).resolves.toBe(false);
    expect(sent).toEqual(['a', 'b1']);
    await expect(queue.push('d', [send('d')])).resolves.toBe(false);
  });

  it('logs a failed send and goes on', async () => {
    const queue = createSendQueue({ minGapMs: 0, jitterMs: 0, maxLength: 5, clock: systemClock, logger: silentLogger() });
    const failed = queue.push('x', [async () => Promise.reject(new Error('network'))]);
    const next = queue.push('y', [async () => undefined]);
    await expect(failed).resolves.toBe(false);
    await expect(next).resolves.toBe(true);
  });
});
