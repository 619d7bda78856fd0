/**
 * Telegram updates → the core's {@link InboundMessage}. Pure: no network, no telegraf
 * runtime, so every rule about what the bot answers (groups, bots, commands, buttons) is
 * tested here without a server. The core never sees a telegraf type.
 */
import type { CallbackQuery, Message, Update } from 'telegraf/types';
import type { InboundKind, InboundMessage } from '../../src/types.js';
import { decodeButton } from './callback-data.js';
import { commandText, isAddressedTo, isMenuCommand, mentions, parseCommand, stripMention } from './commands.js';

const ADAPTER = 'telegram';
/** 👍 / 👎 are buttons here, so the core adds no "reply 1 / 0" line and never reads a bare digit as a vote. */
const CAPABILITIES = { buttons: true } as const;
const GROUP_TYPES = new Set(['group', 'supergroup']);
/** Content a person sent that is neither text nor media we name: answered as kind `other`. */
const OTHER_CONTENT = ['poll', 'dice', 'game', 'story', 'invoice', 'giveaway', 'paid_media'];

/** Where the reply goes and how, besides the message itself. */
export interface RoutedUpdate {
  inbound: InboundMessage;
  chatId: number;
  /** The person's message, quoted by the reply in groups so it is clear who is answered. */
  replyTo?: number;
  /** For button presses: the query to answer and the message that carried the button. */
  callback?: { id: string; messageId: number };
}

/**
 * Maps one update to the core's message, or undefined when the bot must stay silent:
 * messages from bots, channel posts, service messages (joins, pins...), group messages
 * that neither mention the bot, reply to it nor give it a command, commands for other bots,
 * and buttons this bot did not make.
 */
export function toInbound(update: Update, botUsername: string): InboundMessage | undefined {
  return routeUpdate(update, botUsername)?.inbound;
}

/** {@link toInbound} plus where to reply. */
export function routeUpdate(update: Update, botUsername: string): RoutedUpdate | undefined {
  if ('callback_query' in update) return fromCallback(update.callback_query);
  if ('message' in update) return fromMessage(update.message, botUsername);
  // Edits are answered like new messages: people fix a typo and expect the bot to notice.
  if ('edited_message' in update) return fromMessage(update.edited_message, botUsername);
  return undefined;
}

/** The inbound kind of a message, or undefined for service messages (nobody asked anything). */
export function kindOf(message: Message): InboundKind | undefined {
  if ('text' in message) return 'text';
  if ('sticker' in message) return 'sticker';
  if ('photo' in message) return 'image';
  if ('voice' in message || 'audio' in message) return 'voice';
  // Animations also carry `document`, so they are checked before it.
  if ('video' in message || 'video_note' in message || 'animation' in message) return 'video';
  if ('document' in message) return message.document.mime_type?.startsWith('image/') ? 'image' : 'file';
  if ('location' in message || 'venue' in message) return 'location';
  if ('contact' in message) return 'contact';
  if (OTHER_CONTENT.some((field) => field in message)) return 'other';
  return undefined;
}

function fromMessage(message: Message, botUsername: string): RoutedUpdate | undefined {
  if (message.chat.type === 'channel') return undefined;
  const from = message.from;
  if (!from || from.is_bot) return undefined;
  const kind = kindOf(message);
  if (!kind) return undefined;

  const isGroup = GROUP_TYPES.has(message.chat.type);
  const text = 'text' in message ? message.text : '';
  const caption = 'caption' in message ? (message.caption ?? '') : '';
  const command = kind === 'text' ? parseCommand(text) : undefined;
  if (command && !isAddressedTo(command, botUsername)) return undefined;
  // With privacy mode on Telegram delivers exactly these three in groups; with it off the
  // bot sees everything, and this keeps it from answering every message.
  if (isGroup && !command && !mentions(text || caption, botUsername) && !repliesToBot(message, botUsername)) {
    return undefined;
  }

  let typed = '';
  if (kind === 'text') typed = command ? commandText(command) : stripMention(text, botUsername);
  const menuCommand = command && isMenuCommand(command) ? command.name : undefined;
  const editedAt = 'edit_date' in message ? message.edit_date : undefined;
  return {
    inbound: {
      adapter: ADAPTER,
      conversationId: String(message.chat.id),
      senderId: String(from.id),
      ...(menuCommand ? { kind: 'command', command: menuCommand, text: '' } : { kind, text: typed }),
      isGroup,
      receivedAt: (editedAt ?? message.date) * 1000,
      capabilities: CAPABILITIES,
    },
    chatId: message.chat.id,
    ...(isGroup ? { replyTo: message.message_id } : {}),
  };
}

function repliesToBot(message: Message, botUsername: string): boolean {
  const original = 'reply_to_message' in message ? message.reply_to_message : undefined;
  const author = original?.from;
  return Boolean(author?.is_bot && author.username?.toLowerCase() === botUsername.toLowerCase());
}

function fromCallback(query: CallbackQuery): RoutedUpdate | undefined {
  // Inline-mode messages have no chat; game buttons have no data. Neither is ours.
  if (!query.message || !('data' in query) || query.from.is_bot) return undefined;
  const action = decodeButton(query.data);
  if (!action) return undefined;
  const chat = query.message.chat;
  const base = {
    adapter: ADAPTER,
    conversationId: String(chat.id),
    senderId: String(query.from.id),
    isGroup: GROUP_TYPES.has(chat.type),
    capabilities: CAPABILITIES,
  };
  const inbound: InboundMessage =
    action.type === 'choice'
      ? // The button's own choice: an older menu's button answers what it showed.
        { ...base, kind: 'choice', text: '', choiceId: action.id }
      : action.type === 'pick'
        ? // Buttons sent before choices carried ids: the digit the person could have typed.
          { ...base, kind: 'text', text: String(action.n) }
        : {
          ...base,
          kind: 'feedback',
          text: '',
          feedback: { useful: action.useful, ...(action.entryId ? { entryId: action.entryId } : {}) },
        };
  return { inbound, chatId: chat.id, callback: { id: query.id, messageId: query.message.message_id } };
}
