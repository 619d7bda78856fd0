import { afterEach, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import type { WechatAdapterOptions } from '../../../adapters/wechat/index.js';
import { ErrorCodes } from '../../../src/errors.js';
import type { InboundMessage, MessageHandler } from '../../../src/types.js';
import { eventually } from '../../doubles/eventually.js';
import { createLogSink } from '../../doubles/log-sink.js';
import { createRecordingHandler } from '../../doubles/recording-handler.js';
import { runAdapterContract, type ContractDriver } from '../adapter-contract.js';
import { BOT, setup, wrap, type Setup } from './wechat-setup.js';

async function makeWechatDriver(): Promise<ContractDriver> {
  const { world, adapter, cleanup } = await setup();
  return {
    adapter,
    multiplePeople: true,
    async sendText(text, from = 'alice') {
      const before = world.sent.length;
      world.person(from).say(text).to(world.user);
      return (await world.waitForSent(before)).map((message) => message.text);
    },
    async sendNonText(from = 'alice') {
      const before = world.sent.length;
      world.sendKind(world.person(from), types.Message.Audio);
      return (await world.waitForSent(before)).map((message) => message.text);
    },
    cleanup,
  };
}

runAdapterContract('wechat', makeWechatDriver, wrap);

/** The adapter's log line for a message it saw and decided not to answer: what a test of silence waits on. */
const NOT_ANSWERED = 'wechat message not answered';

describe('wechat adapter', () => {
  let current: Setup | undefined;
  let log = createLogSink();
  /** Resolves once `count` more messages than `before` were seen and not answered. */
  const ignored = () => log.lines().filter((line) => line.msg === NOT_ANSWERED).length;
  const untilIgnored = (before: number, count: number) => eventually(() => ignored() >= before + count);
  const start = async (handler: MessageHandler, options: Partial<WechatAdapterOptions> = {}) => {
    log = createLogSink();
    current = await setup({ logger: log.logger, ...options });
    await current.adapter.start(handler);
    return current.world;
  };
  afterEach(async () => {
    await current?.adapter.stop();
    await current?.cleanup();
    current = undefined;
  });

  it('answers a private question and maps it to the person’s conversation', async () => {
    const { handler, received } = createRecordingHandler();
    const world = await start(wrap(handler));
    const alice = world.person('alice');
    alice.say('工资被拖欠怎么办').to(world.user);
    const sent = await world.waitForSent(0);
    expect(sent).toEqual([expect.objectContaining({ text: 'echo:工资被拖欠怎么办', to: alice.id })]);
    expect(received).toEqual([
      expect.objectContaining({ adapter: 'wechat', conversationId: alice.id, senderId: alice.id, kind: 'text', isGroup: false }),
    ]);
  });

  it('stays silent in a room when not mentioned', async () => {
    const { handler, received } = createRecordingHandler();
    const world = await start(handler);
    const alice = world.person('alice');
    alice.say('今天村口修路').to(world.room('石角村群', [alice]));
    alice.say('@小李 工资被拖欠怎么办').to(world.room('石角村群'));
    await untilIgnored(0, 2);
    expect(received).toEqual([]);
    expect(world.sent).toEqual([]);
  });

  it('answers a room mention (mention list), strips it, and mentions the asker', async () => {
    const { handler, received } = createRecordingHandler();
    const world = await start(handler);
    const alice = world.person('alice');
    const room = world.room('石角村群', [alice]);
    alice.say(`@${BOT}\u2005工资被拖欠怎么办`, [world.user]).to(room);
    const sent = await world.waitForSent(0);
    expect(received).toEqual([
      expect.objectContaining({ conversationId: room.id, senderId: alice.id, isGroup: true, text: '工资被拖欠怎么办' }),
    ]);
    expect(sent).toEqual([expect.objectContaining({ room: room.id })]);
    expect(sent[0]?.text).toMatch(/^@alice\s+echo:工资被拖欠怎么办$/);
  });

  it('answers "@name" typed by hand when the puppet gives no mention list', async () => {
    const { handler, received } = createRecordingHandler();
    const world = await start(handler);
    const bob = world.person('bob');
    bob.say(`@${BOT} 离婚财产怎么分`).to(world.room('大塘村群', [bob]));
    const sent = await world.waitForSent(0);
    expect(received[0]?.text).toBe('离婚财产怎么分');
    expect(sent[0]?.text).toMatch(/^@bob\s+echo:离婚财产怎么分$/);
  });

  it('answers every text in a listed room, by topic, without a mention', async () => {
    const { handler, received } = createRecordingHandler();
    const world = await start(handler, { rooms: ['法律明白人群'] });
    const alice = world.person('alice');
    alice.say('邻居占了我家宅基地').to(world.room('法律明白人群', [alice]));
    alice.say('这个呢').to(world.room('别的群', [alice]));
    await world.waitForSent(0);
    expect(received.map((message) => message.text)).toEqual(['邻居占了我家宅基地']);
  });

  it('ignores its own messages, the owner typing on the phone, and official accounts', async () => {
    const { handler, received } = createRecordingHandler();
    const world = await start(handler);
    const alice = world.person('alice');
    world.user.say('我是机器人主人,手机上打的字').to(alice);
    world.user.say(`@${BOT} 自己@自己`, [world.user]).to(world.room('石角村群', [alice]));
    world.person('曲江发布', { type: types.Contact.Official }).say('今日新闻').to(world.user);
    await untilIgnored(0, 3);
    expect(received).toEqual([]);
    alice.say('在吗').to(world.user);
    await world.waitForSent(2);
    await untilIgnored(3, 1);
    // The bot's reply came back as a message too, and was not answered (no loop).
    expect(received).toHaveLength(1);
  });

  it('passes menus as numbered text and typed digits through, in order', async () => {
    const received: InboundMessage[] = [];
    const menu = '请选择您要咨询的方面:\n1. 劳动工资\n2. 婚姻家庭\n回复数字即可';
    const handler: MessageHandler = async (message) => {
      received.push(message);
      if (message.text === '菜单') return { kind: 'menu', text: menu, choices: [{ n: 1, label: '劳动工资', id: 't:labour' }, { n: 2, label: '婚姻家庭', id: 't:family' }] };
      if (message.text === '2') return { kind: 'menu', text: '婚姻家庭:\n1. 离婚\n2. 抚养费' };
      return { kind: 'fallback', text: '没有这个选项' };
    };
    const world = await start(handler);
    const alice = world.person('alice');
    alice.say('菜单').to(world.user);
    alice.say('2').to(world.user);
    const sent = await world.waitForSent(0, 2);
    expect(sent.map((message) => message.text)).toEqual([menu, '婚姻家庭:\n1. 离婚\n2. 抚养费']);
    expect(received.map((message) => message.text)).toEqual(['菜单', '2']);
    alice.say(`@${BOT} 2`, [world.user]).to(world.room('石角村群', [alice]));
    const inRoom = await world.waitForSent(2);
    expect(received[2]).toMatchObject({ text: '2', isGroup: true });
    expect(inRoom[0]?.text).toMatch(/^@alice\s+婚姻家庭:\n1. 离婚/);
  });

  it('after a reply that awaits a vote in a room, the asker may answer with a bare 1 / 0, without the @', async () => {
    const received: InboundMessage[] = [];
    const handler: MessageHandler = async (message) => {
      received.push(message);
      if (message.text === '0') return { kind: 'menu', text: '谢谢您的反馈!' };
      return { kind: 'answer', text: '答:去窗口申请。\n有用回复1,没用回复0', entryId: 'legal-aid.where', awaits: 'vote' };
    };
    const world = await start(handler);
    const alice = world.person('alice');
    const room = world.room('石角村群', [alice]);
    alice.say(`@${BOT} 法律援助在哪里申请`, [world.user]).to(room);
    await world.waitForSent(0);
    const bob = world.person('bob');
    room.add(bob).by(alice);
    bob.say('0').to(room);
    alice.say('0').to(room);
    const [thanks, ...rest] = await world.waitForSent(1);
    expect(rest).toEqual([]);
    expect(thanks?.text).toMatch(/^@alice\s+谢谢您的反馈/);
    expect(received.map((message) => [message.senderId === received[0]?.senderId, message.text])).toEqual([
      [true, '法律援助在哪里申请'],
      [true, '0'],
    ]);
    const before = ignored();
    alice.say('1').to(room);
    await untilIgnored(before, 1);
    expect(received).toHaveLength(2); // the thanks awaits nothing: a bare digit needs the @ again
  });

  it('answers voice and image in private chats politely, and ignores them in rooms', async () => {
    const polite = '抱歉,我只能看懂文字消息。请直接打字说出您的问题;不方便打字的,可以拨打 12348。';
    const received: InboundMessage[] = [];
    const handler: MessageHandler = async (message) => {
      received.push(message);
      return { kind: message.kind === 'text' ? 'answer' : 'unsupported', text: message.kind === 'text' ? 'ok' : polite };
    };
    const world = await start(handler);
    const alice = world.person('alice');
    world.sendKind(alice, types.Message.Audio);
    world.sendKind(alice, types.Message.Image);
    world.sendKind(alice, types.Message.RedEnvelope);
    const sent = await world.waitForSent(0, 3);
    expect(received.map((message) => [message.kind, message.text])).toEqual([
      ['voice', ''],
      ['image', ''],
      ['money', ''],
    ]);
    expect(sent.map((message) => message.text)).toEqual([polite, polite, polite]);
    world.sendKind(alice, types.Message.Image, world.room('石角村群', [alice]));
    await untilIgnored(0, 1);
    expect(received).toHaveLength(3);
  });

  it('splits a long reply into numbered parts, mentioning the asker once', async () => {
    const long = Array.from({ length: 12 }, (_, i) => `第${i + 1}条:用人单位应当按照劳动合同约定和国家规定,向劳动者及时足额支付劳动报酬。`).join('\n');
    const world = await start(async () => ({ kind: 'answer', text: long }), { maxReplyChars: 200 });
    const alice = world.person('alice');
    alice.say('工资').to(world.user);
    const parts = (await world.waitForSent(0, 2)).map((message) => message.text);
    expect(parts.length).toBeGreaterThan(2);
    parts.forEach((part, i) => expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true));
    expect(parts.every((part) => Array.from(part).length <= 200)).toBe(true);
    const before = world.sent.length;
    alice.say(`@${BOT} 工资`, [world.user]).to(world.room('石角村群', [alice]));
    const inRoom = (await world.waitForSent(before, parts.length)).map((message) => message.text);
    expect(inRoom).toHaveLength(parts.length);
    expect(inRoom.filter((part) => part.startsWith('@alice'))).toHaveLength(1);
  });

  it('logs a handler that rejects anyway (the core never does) with its code, and keeps serving', async () => {
    const sink = createLogSink();
    const { handler } = createRecordingHandler({ failOn: 'boom' });
    const world = await start(handler, { logger: sink.logger });
    const alice = world.person('alice');
    alice.say('boom').to(world.user);
    alice.say('还在吗').to(world.user);
    expect((await world.waitForSent(0)).map((message) => message.text)).toEqual(['echo:还在吗']);
    const failure = sink.lines().find((line) => line.code === ErrorCodes.WECHAT_MESSAGE_FAILED);
    expect(failure?.msg).toBe('wechat: answering a message failed');
    expect(sink.text()).not.toContain('boom');
  });

  it('logs the conversation with the salted hash it is given, as the core does', async () => {
    const sink = createLogSink();
    const hashes: string[] = [];
    const hashConversation = (key: string) => {
      hashes.push(key);
      return `h-${key.length}`;
    };
    const world = await start(createRecordingHandler().handler, { logger: sink.logger, hashConversation, pacing: { roomPerMinute: 1 } });
    const alice = world.person('alice');
    const room = world.room('石角村群', [alice]);
    alice.say(`@${BOT} 一`, [world.user]).to(room);
    alice.say(`@${BOT} 二`, [world.user]).to(room);
    await world.waitForSent(0, 2);
    expect(hashes[0]).toBe(`wechat:${room.id}:${alice.id}`); // the core's conversation key
    const notice = sink.lines().find((line) => line.msg === 'wechat room limit reached: notice sent, then silence for a minute');
    expect(notice?.conv).toBe(`h-${hashes[0]?.length}`);
    expect(sink.text()).not.toContain(alice.id);
  });
});
