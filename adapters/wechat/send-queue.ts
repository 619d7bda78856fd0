/**
 * The one outgoing queue of the WeChat account. WeChat's risk control watches how fast an
 * account sends, across all chats, so every send (answers, notices, greetings) goes through
 * here: one at a time, at least `minGapMs` plus a random jitter apart, on the one send pacer
 * (adapters/shared/send-pacer.ts) with the account as its one lane.
 */
import type { Logger } from '../../src/logger.js';
import { settlesWithin, type Clock } from '../../src/service/time/clock.js';
import { createSendPacer, PacerStoppedError, type LaneRules } from '../shared/send-pacer.js';

export interface SendQueueOptions {
  /** Smallest pause between the end of one send and the start of the next. */
  minGapMs: number;
  /** Up to this many extra random milliseconds per send, so the rhythm does not look machine-made. */
  jitterMs: number;
  /** Sends waiting at most; beyond it new replies are dropped (logged) rather than queued for ever. */
  maxLength: number;
  clock: Clock;
  /** Returns a number in [0, 1); `Math.random` by default. */
  random?: () => number;
  logger: Logger;
}

/** A send: performs one platform call; a rejection is logged and the queue moves on. */
export type Send = () => Promise<void>;

export interface SendQueue {
  /**
   * Queues `sends` back to back (the parts of one reply stay together) or none of them when
   * the queue is full or closed. Resolves true once all were sent, false if any was dropped
   * or failed. Never rejects.
   */
  push(label: string, sends: Send[]): Promise<boolean>;
  /** Sends waiting (not counting one in progress). */
  readonly size: number;
  /**
   * Refuses new sends, waits up to `timeoutMs` for the waiting ones, then drops the rest.
   * Resolves with how many were dropped.
   */
  close(timeoutMs: number): Promise<number>;
}

/** The account's one lane: WeChat watches the account's rhythm, not a chat's. */
const ACCOUNT = 'account';

/** Creates an idle queue; nothing is sent until something is pushed. */
export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { clock, logger } = options;
  const pacer = createSendPacer({ clock, ...(options.random ? { random: options.random } : {}) });
  // Measured after the send: a slow platform call must not eat into the gap.
  const rules: LaneRules = { gapMs: options.minGapMs, gapFrom: 'end', jitterMs: options.jitterMs };
  let closed = false;
  let busy = 0;

  const sent = (label: string, send: Send): Promise<boolean> => {
    busy += 1;
    return pacer
      .schedule(ACCOUNT, rules, send)
      .then(
        () => true,
        (error: unknown) => {
          if (!(error instanceof PacerStoppedError)) logger.warn({ err: error, label }, 'wechat send failed');
          return false;
        },
      )
      .finally(() => {
        busy -= 1;
      });
  };

  return {
    get size() {
      return pacer.waiting;
    },

    push(label, sends) {
      if (sends.length === 0) return Promise.resolve(true);
      if (closed || pacer.waiting + sends.length > options.maxLength) {
        const state = { label, waiting: pacer.waiting, parts: sends.length, closed };
        logger.warn(state, closed ? 'wechat send queue closed, reply dropped' : 'wechat send queue full, reply dropped');
        return Promise.resolve(false);
      }
      // Queued together, so the parts of one reply stay back to back.
      return Promise.all(sends.map((send) => sent(label, send))).then((all) => all.every(Boolean));
    },

    async close(timeoutMs) {
      closed = true;
      if (busy > 0) await settlesWithin(pacer.idle(), timeoutMs, clock);
      // A send already in progress cannot be recalled; stop lets it finish before the bot stops.
      const dropped = await pacer.stop();
      if (dropped > 0) logger.warn({ dropped }, 'wechat stopping: unsent replies dropped');
      return dropped;
    },
  };
}
