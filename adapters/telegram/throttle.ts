/**
 * Outgoing message pacing on Bottleneck, set up as grammY's throttler does: one limiter
 * per private chat (a gap between messages), one per group (the gap, and so many a minute),
 * both chained to one limiter for all chats (so many a second). Waiting here first keeps
 * Telegram's 429s rare; the retry layer handles the ones that still come. Limiters of quiet
 * chats are dropped after a few minutes, so memory stays flat.
 */
import Bottleneck from 'bottleneck';
import type { TelegramPacing } from './telegram-options.js';

export interface Throttle {
  /** Runs `job` as soon as a message to `chatId` may go. */
  schedule<T>(chatId: number, isGroup: boolean, job: () => Promise<T>): Promise<T>;
  /** Jobs still waiting reject; timers are released. */
  stop(): Promise<void>;
}

/** A quiet chat's limiter is forgotten after this long. */
const IDLE_MS = 5 * 60_000;

export function createThrottle(pacing: Pick<TelegramPacing, 'chatGapMs' | 'groupPerMinute' | 'globalPerSecond'>): Throttle {
  const overall = new Bottleneck({
    reservoir: pacing.globalPerSecond,
    reservoirRefreshAmount: pacing.globalPerSecond,
    reservoirRefreshInterval: 1_000,
  });
  const privateChats = new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.chatGapMs, timeout: IDLE_MS });
  const groups = new Bottleneck.Group({
    maxConcurrent: 1,
    minTime: pacing.chatGapMs,
    reservoir: pacing.groupPerMinute,
    reservoirRefreshAmount: pacing.groupPerMinute,
    reservoirRefreshInterval: 60_000,
    timeout: IDLE_MS,
  });
  for (const group of [privateChats, groups]) group.on('created', (limiter: Bottleneck) => limiter.chain(overall));

  return {
    schedule(chatId, isGroup, job) {
      return (isGroup ? groups : privateChats).key(String(chatId)).schedule(job);
    },
    async stop() {
      const limiters = [...privateChats.limiters(), ...groups.limiters()].map((pair) => pair.limiter);
      // Dropped jobs reject with Bottleneck's "stopped" error; the outbox reports them as dropped.
      await Promise.allSettled([...limiters, overall].map((limiter) => limiter.stop({ dropWaitingJobs: true })));
      await Promise.allSettled([privateChats.disconnect(false), groups.disconnect(false), overall.disconnect(false)]);
    },
  };
}
