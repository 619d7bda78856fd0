/**
 * Decides whether a WeChat message is a question for the bot, and if so what the core sees.
 * Facts are read from wechaty first (the only part that awaits the puppet), then a pure
 * {@link decideRoute} applies the rules, so the rules are testable without a puppet.
 */
import { types, type Contact, type Message, type Room } from 'wechaty';
import type { InboundMessage } from '../../src/types.js';
import type { Clock } from '../../src/service/time/clock.js';
import { mentionsName, stripMentions } from './mention.js';
import { toInbound } from './to-inbound.js';

/** Why a message gets no answer (logged at debug; never the text). */
export type IgnoreReason = 'self' | 'official' | 'system' | 'stale' | 'room-non-text' | 'room-not-addressed';

/** What the rules look at. */
export interface MessageFacts {
  /** Sent by the bot's own account (this process, or the owner on the phone). */
  self: boolean;
  talkerType: number;
  type: number;
  ageMs: number;
  inRoom: boolean;
  /** The room's topic or id is on the configured list (`WECHAT_ROOMS`). */
  roomListed: boolean;
  /** The bot is @-mentioned (mention list or "@name" in the text), or given an answer it awaits. */
  mentioned: boolean;
}

/** Message types that are notices about the chat rather than something a person said to the bot. */
const SYSTEM_TYPES: ReadonlySet<number> = new Set([
  types.Message.Recalled,
  types.Message.GroupNote,
  types.Message.Post,
]);

/** The rules: returns why to stay silent, or undefined to answer. */
export function decideRoute(facts: MessageFacts, maxAgeMs: number): IgnoreReason | undefined {
  // No loops: the bot's own sends come back as messages on every puppet.
  if (facts.self) return 'self';
  // Official accounts push news; answering them is noise at best, a loop at worst.
  if (facts.talkerType === types.Contact.Official) return 'official';
  if (SYSTEM_TYPES.has(facts.type)) return 'system';
  // Puppets may replay old messages after a reconnect; answering hours later confuses people.
  if (facts.ageMs > maxAgeMs) return 'stale';
  if (!facts.inRoom) return undefined;
  // In a group a photo or sticker is chatter between members, not a question for the bot.
  if (facts.type !== types.Message.Text) return 'room-non-text';
  return facts.mentioned || facts.roomListed ? undefined : 'room-not-addressed';
}

export interface RouteContext {
  /** Room topics or ids answered without a mention. */
  rooms: readonly string[];
  /** Names the bot may be @-mentioned by in `room` (configured name, account name, room alias). */
  botNames(room: Room): Promise<string[]>;
  /** True when `text` is the bare answer the bot's last reply to `talkerId` in `roomId` awaits (no @ needed). */
  awaitedAnswer(roomId: string, talkerId: string, text: string): boolean;
  maxAgeMs: number;
  clock: Clock;
}

export type Route =
  | { answer: false; reason: IgnoreReason }
  | { answer: true; inbound: InboundMessage; talker: Contact; room?: Room };

/** Reads the facts of `message`, applies the rules and, to answer, builds the core's message. */
export async function routeMessage(message: Message, context: RouteContext): Promise<Route> {
  let talker: Contact;
  try {
    talker = message.talker();
  } catch {
    return { answer: false, reason: 'system' }; // no talker: a notice from WeChat itself
  }
  const room = message.room();
  const type = message.type();
  const base = {
    self: message.self() || talker.self(),
    talkerType: talker.isReady() ? talker.type() : types.Contact.Unknown,
    type,
    ageMs: context.clock.now() - message.date().getTime(),
    inRoom: Boolean(room),
  };
  if (!room) {
    const reason = decideRoute({ ...base, roomListed: false, mentioned: false }, context.maxAgeMs);
    return reason ? { answer: false, reason } : { answer: true, inbound: toInbound(message), talker };
  }
  // Cheap checks first: no puppet calls for the bot's own or non-text room messages.
  const early = decideRoute({ ...base, roomListed: true, mentioned: true }, context.maxAgeMs);
  if (early) return { answer: false, reason: early };

  const topic = await room.topic().catch(() => '');
  const roomListed = context.rooms.includes(room.id) || (topic !== '' && context.rooms.includes(topic));
  const names = await context.botNames(room);
  const text = message.text();
  const byList = await message.mentionSelf().catch(() => false);
  const byText = mentionsName(text, names);
  const awaited = !byList && !byText && context.awaitedAnswer(room.id, talker.id, text);
  const reason = decideRoute({ ...base, roomListed, mentioned: byList || byText || awaited }, context.maxAgeMs);
  if (reason) return { answer: false, reason };

  let question = stripMentions(text, names);
  // Mentioned through the list under a name we do not know (e.g. a fresh room alias):
  // let wechaty remove every mention instead.
  if (byList && !byText) question = await message.mentionText().catch(() => question);
  return { answer: true, inbound: toInbound(message, question), talker, room };
}
