/**
 * A WeChat message or event (its XML fields) → the core's {@link InboundMessage}, or the
 * reason it is not for the core. The only place WeChat's MsgType and Event names are read.
 */
import type { InboundKind, InboundMessage } from '../../src/types.js';
import type { XmlFields } from './xml.js';

export const ADAPTER_NAME = 'wechat-mp';

/** What arrived: a message for the core, or something answered with `success` and nothing else. */
export type Routed =
  | {
      inbound: InboundMessage;
      /** The same for WeChat's retries of one message: MsgId, or sender + time for events. */
      dedupKey: string;
      /** Typed by the person (not an event): only those may be transferred to customer service. */
      userMessage: boolean;
    }
  | { ignored: string; dedupKey: string };

const MESSAGE_KINDS: ReadonlyMap<string, InboundKind> = new Map<string, InboundKind>([
  ['text', 'text'],
  ['image', 'image'],
  ['voice', 'voice'],
  ['video', 'video'],
  ['shortvideo', 'video'],
  ['location', 'location'],
  ['link', 'link'],
  ['file', 'file'],
]);

/** Menu keys this adapter writes (see menu.ts): a choice id, or `c:<command>`. */
const CHOICE_KEY = /^[te]:[a-z0-9][a-z0-9.-]*$/;
const COMMAND_KEYS: Readonly<Record<string, 'menu' | 'help'>> = { 'c:menu': 'menu', 'c:help': 'help' };

/**
 * Routes one message. The conversation and sender are the person's OpenID (an official
 * account has no groups).
 */
export function routeMessage(fields: XmlFields, options: { handoff: boolean }): Routed {
  const openId = fields.FromUserName ?? '';
  const createTime = fields.CreateTime ?? '';
  const msgType = (fields.MsgType ?? '').toLowerCase();
  const event = (fields.Event ?? '').toLowerCase();
  const dedupKey = fields.MsgId ? `msg:${fields.MsgId}` : `event:${openId}:${createTime}:${event}:${fields.EventKey ?? ''}`;
  const seconds = Number(createTime);
  const base = {
    adapter: ADAPTER_NAME,
    conversationId: openId,
    senderId: openId,
    isGroup: false,
    ...(Number.isFinite(seconds) && seconds > 0 ? { receivedAt: seconds * 1000 } : {}),
    capabilities: { buttons: false, handoff: options.handoff },
  };
  const message = (kind: InboundKind, extra: Partial<InboundMessage> = {}, userMessage = true): Routed => ({
    inbound: { ...base, kind, text: '', ...extra },
    dedupKey,
    userMessage,
  });

  if (msgType === 'event') {
    const key = fields.EventKey ?? '';
    switch (event) {
      case 'subscribe':
        return message('command', { command: 'start' }, false);
      case 'scan':
        // Already following and scanned a poster's QR code: show what can be asked.
        return message('command', { command: 'menu' }, false);
      case 'click':
        if (CHOICE_KEY.test(key)) return message('choice', { choiceId: key }, false);
        return message('command', { command: COMMAND_KEYS[key] ?? 'menu' }, false);
      default:
        // unsubscribe, VIEW (a link opened), LOCATION reports, job and customer-service notices.
        return { ignored: `event ${event || '(none)'}`, dedupKey };
    }
  }
  const recognition = (fields.Recognition ?? '').trim();
  if (msgType === 'text') return message('text', { text: fields.Content ?? '' });
  if (msgType === 'voice' && recognition !== '') return message('text', { text: recognition });
  return message(MESSAGE_KINDS.get(msgType) ?? 'other');
}
