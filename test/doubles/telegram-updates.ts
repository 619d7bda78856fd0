/**
 * Builders of Telegram updates as the Bot API sends them (without update_id, which the fake
 * server assigns), for the Telegram adapter tests.
 */

/** A person; private chat ids equal user ids, as on Telegram. */
export interface Person {
  id: number;
  first_name: string;
  is_bot?: boolean;
  username?: string;
}

export const alice: Person = { id: 1001, first_name: 'Alice' };
export const bob: Person = { id: 1002, first_name: 'Bob' };
export const GROUP_ID = -100_123;

type Extra = Record<string, unknown>;
let messageId = 5_000;
const now = () => Math.floor(Date.now() / 1000);

function chatFor(person: Person, group: boolean) {
  return group ? { id: GROUP_ID, type: 'supergroup', title: '曲江普法群' } : { id: person.id, type: 'private', first_name: person.first_name };
}

/** A message update; `content` is e.g. `{ text }` or `{ sticker: {...} }`. */
export function messageUpdate(from: Person, content: Extra, options: { group?: boolean; edited?: boolean } = {}): Extra {
  const message = {
    message_id: messageId++,
    date: now(),
    chat: chatFor(from, options.group ?? false),
    from: { is_bot: false, ...from },
    ...content,
    ...(options.edited ? { edit_date: now() } : {}),
  };
  return options.edited ? { edited_message: message } : { message };
}

/** A text message; a leading /command gets its bot_command entity like real clients send. */
export function textUpdate(from: Person, text: string, options: { group?: boolean; edited?: boolean; replyTo?: Extra } = {}): Extra {
  const command = /^\/\S+/.exec(text);
  const entities = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined;
  return messageUpdate(
    from,
    { text, ...(entities ? { entities } : {}), ...(options.replyTo ? { reply_to_message: options.replyTo } : {}) },
    options,
  );
}

/** A sticker message. */
export function stickerUpdate(from: Person, options: { group?: boolean } = {}): Extra {
  return messageUpdate(from, { sticker: { file_id: 'CAAD', file_unique_id: 'u1', type: 'regular', width: 512, height: 512, is_animated: false, is_video: false, emoji: '👍' } }, options);
}

/** A press on an inline button of the bot's message `messageId` in `chatId`. */
export function callbackUpdate(from: Person, data: string, message: { chatId: number; messageId: number }): Extra {
  const chat = message.chatId < 0 ? { id: message.chatId, type: 'supergroup', title: '曲江普法群' } : { id: message.chatId, type: 'private', first_name: from.first_name };
  return {
    callback_query: {
      id: `cq-${messageId++}`,
      from: { is_bot: false, ...from },
      chat_instance: 'ci-1',
      data,
      message: { message_id: message.messageId, date: now(), chat, text: '…' },
    },
  };
}
