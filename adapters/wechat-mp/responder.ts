/**
 * The 5-second rule. WeChat waits 5 s for the answer to a request, then tries again (three
 * requests in all). The core is asked once per message, in arrival order per person; a reply
 * ready within the budget (~4 s) is the passive reply, one that comes later (or is too
 * long, or accompanies a handoff) goes out through the customer-service API.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCodes, hasCode } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { InboundMessage, MessageHandler, Reply } from '../../src/types.js';
import type { MpApi } from './mp-api.js';
import { planLateReply, planReply, type Passive } from './plan-reply.js';

export interface ResponderOptions {
  handler: MessageHandler;
  api: MpApi;
  handoff: boolean;
  /** How long a request waits for the core before answering `success` (default 4 s). */
  budgetMs: number;
  /** Said when the handler fails anyway (it is normally wrapped so it cannot). */
  errorText: string;
  logger: Logger;
  /** Short salted hash of an OpenID for log lines. */
  conv(openId: string): string;
}

export interface Responder {
  /** Answers one message; resolves with the passive reply, or undefined for `success`. */
  answer(inbound: InboundMessage, userMessage: boolean): Promise<Passive | undefined>;
  /** Resolves once every reply owed (core calls and API sends) is done. */
  idle(): Promise<void>;
}

/** Runs tasks one after another per key; the map forgets idle keys. */
function serial() {
  const chains = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const next = (chains.get(key) ?? Promise.resolve()).then(task, task);
      chains.set(key, next);
      void next.catch(() => undefined).finally(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
      return next;
    },
    idle: () => Promise.allSettled([...chains.values()]).then(() => undefined),
  };
}

export function createResponder(options: ResponderOptions): Responder {
  const { logger, api } = options;
  const asking = serial();
  const sending = serial();

  const ask = async (inbound: InboundMessage): Promise<Reply> => {
    try {
      return await options.handler(inbound);
    } catch (error) {
      logger.error({ err: error, code: ErrorCodes.HANDLER_FAILED, inbound: inbound.kind }, 'wechat-mp: handler failed');
      return { kind: 'error', text: options.errorText };
    }
  };

  const push = (openId: string, texts: string[]): void => {
    if (texts.length === 0) return;
    void sending.run(openId, async () => {
      for (const [index, text] of texts.entries()) {
        try {
          await api.sendText(openId, text);
        } catch (error) {
          const closed = hasCode(error, ErrorCodes.WECHAT_MP_REPLY_WINDOW_CLOSED);
          logger[closed ? 'warn' : 'error'](
            { err: error, code: (error as { code?: string }).code, conv: options.conv(openId), part: index + 1, parts: texts.length },
            closed ? 'wechat-mp: the person cannot be reached now; reply dropped' : 'wechat-mp: sending a reply failed',
          );
          return; // later parts make no sense without this one
        }
      }
    });
  };

  return {
    async answer(inbound, userMessage) {
      const openId = inbound.conversationId;
      const reply = asking.run(openId, () => ask(inbound));
      const timer = new AbortController();
      const late = sleep(options.budgetMs, 'late' as const, { signal: timer.signal }).catch(() => 'late' as const);
      const first = await Promise.race([reply, late]);
      timer.abort();
      if (first === 'late') {
        logger.info({ conv: options.conv(openId), budgetMs: options.budgetMs }, 'wechat-mp: reply not ready in time, sending it through the API');
        void reply.then((ready) => push(openId, planLateReply(ready).push));
        return undefined;
      }
      const plan = planReply(first, { handoff: options.handoff, userMessage });
      if (first.kind === 'handoff' && plan.passive?.type === 'transfer') {
        logger.info({ conv: options.conv(openId) }, 'wechat-mp: conversation handed to customer service');
      }
      push(openId, plan.push);
      return plan.passive;
    },
    idle: async () => {
      await asking.idle();
      await sending.idle();
    },
  };
}
