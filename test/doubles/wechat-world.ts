/**
 * A fake WeChat for adapter tests, on wechaty-puppet-mock: people and rooms that say things
 * to the bot account, and a record of everything the bot account sent.
 */
import { randomUUID } from 'node:crypto';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { systemClock, type Clock } from '../../src/service/time/clock.js';

type ContactMock = mock.ContactMock;
type RoomMock = mock.RoomMock;

/** One message the bot account sent. */
export interface SentMessage {
  text: string;
  /** The person it went to, in private chats. */
  to?: string;
  /** The room it went to. */
  room?: string;
  /** When it was sent, on the world's clock (Date.now by default). */
  at: number;
}

export interface WechatWorld {
  puppet: PuppetMock;
  mocker: mock.Mocker;
  /** The bot's own account. */
  user: ContactMock;
  /** Logs the bot account in, as a QR scan would. Call after the adapter started. */
  login(): void;
  /** The person called `name` (created on first use). */
  person(name: string, payload?: { type?: number }): ContactMock;
  /** A room with the bot and `members` (created on first use of `topic`). */
  room(topic: string, members?: ContactMock[]): RoomMock;
  /** Delivers a message of wechaty type `type` with no text (voice, image...) from `from` to the bot or a room. */
  sendKind(from: ContactMock, type: number, where?: RoomMock): void;
  /** Every message the bot account sent so far, oldest first. */
  sent: SentMessage[];
  /** Sends to `name` (private) since index `from`. */
  sentTo(name: string, from?: number): string[];
  /** Waits (real time) until `count` messages were sent after index `from`, plus `settleMs` quiet; returns them. */
  waitForSent(from: number, count?: number, settleMs?: number): Promise<SentMessage[]>;
}

/** Creates the fake WeChat; pass `world.puppet` to the adapter. `clock` times the sends. */
export function createWechatWorld(botName = '曲江法律助手', clock: Clock = systemClock): WechatWorld {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const user = mocker.createContact({ name: botName });
  const people = new Map<string, ContactMock>();
  const rooms = new Map<string, RoomMock>();
  const sent: SentMessage[] = [];

  // The mock announces every message, the bot's own sends included, as a puppet `message` event.
  puppet.on('message', ({ messageId }) => {
    const payload = mocker.messagePayload(messageId);
    if (payload.talkerId !== user.id) return;
    const where = 'roomId' in payload && payload.roomId ? { room: payload.roomId } : { to: payload.listenerId };
    sent.push({ text: payload.text ?? '', at: clock.now(), ...where });
  });

  const world: WechatWorld = {
    puppet,
    mocker,
    user,
    sent,
    login: () => mocker.login(user),
    person(name, payload = {}) {
      let contact = people.get(name);
      if (!contact) {
        contact = mocker.createContact({ name, ...payload });
        people.set(name, contact);
      }
      return contact;
    },
    room(topic, members = []) {
      let room = rooms.get(topic);
      if (!room) {
        room = mocker.createRoom({ topic, memberIdList: [user.id, ...members.map((member) => member.id)] });
        rooms.set(topic, room);
      }
      return room;
    },
    sendKind(from, type, where) {
      const id = randomUUID();
      const base = { id, talkerId: from.id, timestamp: Date.now(), type, text: '' };
      mocker.MessageMock.create(where ? { ...base, roomId: where.id, mentionIdList: [] } : { ...base, listenerId: user.id });
      puppet.emit('message', { messageId: id });
    },
    sentTo(name, from = 0) {
      const id = people.get(name)?.id;
      return sent.slice(from).filter((message) => message.to === id).map((message) => message.text);
    },
    async waitForSent(from, count = 1, settleMs = 30) {
      const deadline = Date.now() + 5_000;
      while (sent.length - from < count && Date.now() < deadline) await pause(5);
      let seen = sent.length;
      for (;;) {
        await pause(settleMs);
        if (sent.length === seen) break;
        seen = sent.length;
      }
      return sent.slice(from);
    },
  };
  return world;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
