/**
 * Turns a routed question into sends: the account's limits first, then the core, then the
 * reply split into parts and queued. Each conversation (a person, or a whole room) is
 * answered in arrival order on the shared keyed queue: the core keeps state such as the
 * open list, so a digit must not overtake the menu it picks from, and a room's "please
 * wait" must follow the answers before it. Serializing a room costs little: the core takes
 * milliseconds, sends take seconds anyway.
 */
import type { Contact, Room } from 'wechaty';
import { createKeyedQueue } from '../../src/service/concurrency/keyed-queue.js';
import { ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { splitReply } from '../shared/split-reply.js';
import type { InboundMessage, MessageHandler, Reply } from '../../src/types.js';
import { convOf, type HashConversation } from '../shared/conversation-hash.js';
import type { AccountLimits, Verdict } from './account-limits.js';
import type { Send, SendQueue } from './send-queue.js';
import type { WechatTexts } from './wechat-texts.js';

export interface ResponderOptions {
  handler: MessageHandler;
  limits: AccountLimits;
  queue: SendQueue;
  texts: WechatTexts;
  maxReplyChars: number;
  /** Told of every reply to a person in a room, with what it awaits (see awaited-answers). */
  onReplyInRoom?(roomId: string, talkerId: string, reply: Reply): void;
  hash: HashConversation;
  logger: Logger;
}

/** Where a reply goes: the person, or the room mentioning the person. */
export interface Target {
  talker: Contact;
  room?: Room;
}

export interface Responder {
  /** Answers one question; resolves once the reply is queued (not yet sent). Never rejects. */
  answer(inbound: InboundMessage, target: Target): Promise<void>;
  /** Greets a newly accepted friend with what the core answers to the `start` command. */
  greet(contact: Contact): Promise<void>;
}

export function createResponder(options: ResponderOptions): Responder {
  const { limits, queue, texts, logger } = options;
  const conversations = createKeyedQueue({
    onError: (error) => logger.error({ err: error, code: ErrorCodes.WECHAT_MESSAGE_FAILED }, 'wechat: answering a message failed'),
  });

  const sendsFor = (text: string, target: Target): Send[] =>
    splitReply(text, { max: options.maxReplyChars, numbered: true }).map((part, index) => async () => {
      if (!target.room) await target.talker.say(part);
      // Mention the asker on the first part only: the parts follow one another anyway.
      else if (index === 0) await target.room.say(part, target.talker);
      else await target.room.say(part);
    });

  /** False when the account may not send; the cap is logged the first time it stops a message. */
  const allowed = (verdict: Verdict) => {
    if (verdict === 'capped-first') logger.warn('wechat daily cap reached: no more replies until older ones age out of 24 hours (WECHAT_DAILY_CAP)');
    return verdict !== 'capped' && verdict !== 'capped-first' && verdict !== 'silent';
  };

  return {
    async answer(inbound, target) {
      // Decided on arrival, so a burst is measured as it came, not as the core got through it.
      const verdict = limits.admit(target.room?.id);
      if (!allowed(verdict)) return;
      const log = logger.child({ conv: convOf(options.hash, inbound) });
      await conversations.push(inbound.conversationId, async () => {
        if (verdict === 'room-notice') {
          // Queued behind the answers already owed in this room, so it reads as "wait", not as an answer.
          log.info('wechat room limit reached: notice sent, then silence for a minute');
          void queue.push('notice', sendsFor(texts.roomBusy, target));
          return;
        }
        const reply = await options.handler(inbound);
        if (target.room) options.onReplyInRoom?.(target.room.id, target.talker.id, reply);
        void queue.push(reply.kind, sendsFor(reply.text, target));
      });
    },

    async greet(contact) {
      if (!allowed(limits.admitExtra())) return;
      const inbound: InboundMessage = {
        adapter: 'wechat',
        conversationId: contact.id,
        senderId: contact.id,
        kind: 'command',
        command: 'start',
        text: '',
        isGroup: false,
      };
      await conversations.push(contact.id, async () => {
        const reply = await options.handler(inbound);
        void queue.push('greeting', sendsFor(reply.text, { talker: contact }));
      });
    },
  };
}
