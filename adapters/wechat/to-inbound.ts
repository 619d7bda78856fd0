/**
 * wechaty message → the core's {@link InboundMessage}. The core never sees wechaty: this is
 * the only place its message types are translated.
 */
import { types } from 'wechaty';
import type { InboundKind, InboundMessage } from '../../src/types.js';

/** The part of a wechaty `Message` the mapping reads (a real message satisfies it). */
export interface MessageLike {
  type(): number;
  text(): string;
  talker(): { id: string };
  room(): { id: string } | undefined;
  date(): Date;
}

const KINDS: ReadonlyMap<number, InboundKind> = new Map<number, InboundKind>([
  [types.Message.Text, 'text'],
  [types.Message.Image, 'image'],
  [types.Message.Audio, 'voice'],
  [types.Message.Emoticon, 'sticker'],
  [types.Message.Attachment, 'file'],
  [types.Message.Url, 'link'],
  // A mini program card is, to the person, a link to somewhere else.
  [types.Message.MiniProgram, 'link'],
  [types.Message.RedEnvelope, 'money'],
  [types.Message.Transfer, 'money'],
  [types.Message.Video, 'video'],
  [types.Message.Location, 'location'],
  [types.Message.Contact, 'contact'],
]);

/** The core's kind for a wechaty message type; anything unlisted (chat history, posts...) is `other`. */
export function kindOf(type: number): InboundKind {
  return KINDS.get(type) ?? 'other';
}

/**
 * Maps a message. The conversation is the room in groups and the person in private chats;
 * the sender is always the talker. `text` replaces the message text (the question with the
 * bot's @-mention removed); non-text kinds always carry ''.
 */
export function toInbound(message: MessageLike, text?: string): InboundMessage {
  const kind = kindOf(message.type());
  const room = message.room();
  const talkerId = message.talker().id;
  const received = message.date().getTime();
  return {
    adapter: 'wechat',
    conversationId: room ? room.id : talkerId,
    senderId: talkerId,
    kind,
    text: kind === 'text' ? (text ?? message.text()) : '',
    isGroup: Boolean(room),
    ...(Number.isFinite(received) ? { receivedAt: received } : {}),
  };
}
