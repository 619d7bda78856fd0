/**
 * Turns a routed question into sends: limits first, then the core, then the reply split into
 * parts and queued. Each conversation (a person, or a whole room) is answered in arrival
 * order: the core keeps state such as the last numbered menu, so a digit must not overtake
 * the menu it picks from, and a room's "please wait" must follow the answers before it.
 * Serializing a room costs little: the core takes milliseconds, sends take seconds anyway.
 */
import type { Contact, Room } from 'wechaty';
import type { Logger } from '../../src/logger.js';
import type { InboundMessage, MessageHandler, Reply } from '../../src/types.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Send, SendQueue } from './send-queue.js';
import { splitReply } from './split-reply.js';
import type { WechatTexts } from './wechat-texts.js';

export interface ResponderOptions {
  handler: MessageHandler;
  limiter: RateLimiter;
  queue: SendQueue;
  texts: WechatTexts;
  maxReplyChars: number;
  /** Told when a numbered list went to a person in a group, so their bare digit is taken. */
  onListInRoom?(roomId: string, talkerId: string): void;
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
  /** Greets a newly accepted friend with what the core answers to the greeting question. */
  greet(contact: Contact): Promise<void>;
}

/** Creates the responder. */
export function createResponder(options: ResponderOptions): Responder {
  const { limiter, queue, texts, logger } = options;
  const chains = new Map<string, Promise<void>>();
  let cappedDay = '';

  // Runs `task` after the previous task of the same conversation; the map forgets idle chains.
  const inOrder = (key: string, task: () => Promise<void>) => {
    const next = (chains.get(key) ?? Promise.resolve()).then(task);
    chains.set(key, next);
    return next.finally(() => {
      if (chains.get(key) === next) chains.delete(key);
    });
  };

  const ask = async (inbound: InboundMessage): Promise<Reply> => {
    try {
      return await options.handler(inbound);
    } catch (error) {
      // The safe handler normally prevents this; a reply is still owed to the person.
      logger.error({ err: error, inbound: inbound.kind }, 'wechat handler failed');
      return { kind: 'error', text: texts.error };
    }
  };

  const sendsFor = (text: string, target: Target): Send[] =>
    splitReply(text, options.maxReplyChars).map((part, index) => async () => {
      if (!target.room) await target.talker.say(part);
      // Mention the asker on the first part only: the parts follow one another anyway.
      else if (index === 0) await target.room.say(part, target.talker);
      else await target.room.say(part);
    });

  const logCapped = () => {
    const today = new Date().toDateString();
    if (today === cappedDay) return;
    cappedDay = today;
    logger.warn('wechat daily cap reached: no more replies today (WECHAT_DAILY_CAP)');
  };

  return {
    async answer(inbound, target) {
      // Decided on arrival, so a burst is measured as it came, not as the core got through it.
      const { verdict, scope } = limiter.admit(target.talker.id, target.room?.id);
      if (verdict === 'capped') return logCapped();
      if (verdict === 'silent') return;
      await inOrder(inbound.conversationId, async () => {
        if (verdict === 'notice') {
          // Queued behind the answers already owed in this chat, so it reads as "wait", not as an answer.
          logger.info({ scope }, 'wechat rate limit reached: notice sent, then silence for a minute');
          void queue.push('notice', sendsFor(scope === 'room' ? texts.roomBusy : texts.contactBusy, target));
          return;
        }
        const reply = await ask(inbound);
        // A numbered list, or an answer that asks "有用回复1,没用回复0": a bare digit may follow.
        if (target.room && (reply.choices?.length || reply.kind === 'answer')) {
          options.onListInRoom?.(target.room.id, target.talker.id);
        }
        void queue.push(reply.kind, sendsFor(reply.text, target));
      });
    },

    async greet(contact) {
      if (!limiter.admitExtra()) return logCapped();
      const inbound: InboundMessage = {
        adapter: 'wechat',
        conversationId: contact.id,
        senderId: contact.id,
        kind: 'command',
        command: 'start',
        text: '',
        isGroup: false,
      };
      await inOrder(contact.id, async () => {
        const reply = await ask(inbound);
        void queue.push('greeting', sendsFor(reply.text, { talker: contact }));
      });
    },
  };
}
