/**
 * The one outgoing queue of the WeChat account. WeChat's risk control watches how fast an
 * account sends, across all chats, so every send (answers, notices, greetings) goes through
 * here: one at a time, at least `minGapMs` plus a random jitter apart.
 */
import type { Logger } from '../../src/logger.js';
import { settlesWithin, type Clock } from '../../src/service/time/clock.js';

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

interface Job {
  label: string;
  send: Send;
  settle: (sent: boolean) => void;
}

/** Creates an idle queue; nothing is sent until something is pushed. */
export function createSendQueue(options: SendQueueOptions): SendQueue {
  const { clock, logger } = options;
  const random = options.random ?? Math.random;
  const jobs: Job[] = [];
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let closed = false;
  let pumping: Promise<void> | undefined;
  /** Cuts the pause before the next send short when the queue closes. */
  const closing = new AbortController();

  const nextDelay = () => {
    const jitter = options.jitterMs > 0 ? Math.floor(random() * (options.jitterMs + 1)) : 0;
    return lastSentAt + options.minGapMs + jitter - clock.now();
  };

  const pump = async () => {
    while (jobs.length > 0) {
      const wait = nextDelay();
      if (wait > 0) await clock.sleep(wait, closing.signal);
      const job = jobs.shift();
      if (!job) break; // dropped while we waited
      try {
        await job.send();
        job.settle(true);
      } catch (error) {
        logger.warn({ err: error, label: job.label }, 'wechat send failed');
        job.settle(false);
      }
      // Measured after the send: a slow platform call must not eat into the gap.
      lastSentAt = clock.now();
    }
  };

  const kick = () => {
    pumping ??= pump().finally(() => {
      pumping = undefined;
      if (jobs.length > 0) kick(); // pushed while the loop was finishing
    });
  };

  return {
    get size() {
      return jobs.length;
    },

    push(label, sends) {
      if (sends.length === 0) return Promise.resolve(true);
      if (closed || jobs.length + sends.length > options.maxLength) {
        const state = { label, waiting: jobs.length, parts: sends.length, closed };
        logger.warn(state, closed ? 'wechat send queue closed, reply dropped' : 'wechat send queue full, reply dropped');
        return Promise.resolve(false);
      }
      const results = sends.map(
        (send) => new Promise<boolean>((settle) => jobs.push({ label, send, settle })),
      );
      kick();
      return Promise.all(results).then((all) => all.every(Boolean));
    },

    async close(timeoutMs) {
      closed = true;
      if (pumping) await settlesWithin(pumping, timeoutMs, clock);
      const dropped = jobs.splice(0);
      for (const job of dropped) job.settle(false);
      closing.abort();
      // A send already in progress cannot be recalled; let it finish before the bot stops.
      await pumping;
      if (dropped.length > 0) logger.warn({ dropped: dropped.length }, 'wechat stopping: unsent replies dropped');
      return dropped.length;
    },
  };
}
