/**
 * Outgoing message pacing, as grammY's throttler does it, on the one send pacer
 * (adapters/shared/send-pacer.ts): a lane per chat (a gap between messages), a group's lane
 * also capped at so many a minute, and all chats together at so many a second. Waiting here
 * first keeps Telegram's 429s rare; the retry layer handles the ones that still come. Lanes
 * of quiet chats are forgotten after a few minutes, so memory stays flat.
 */
import { systemClock, type Clock } from '../../src/service/time/clock.js';
import { createSendPacer, type LaneRules } from '../shared/send-pacer.js';
import type { TelegramPacing } from './telegram-options.js';

export interface Throttle {
  /** Runs `job` as soon as a message to `chatId` may go. */
  schedule<T>(chatId: number, isGroup: boolean, job: () => Promise<T>): Promise<T>;
  /** Jobs still waiting reject; timers are released. */
  stop(): Promise<void>;
}

/** A quiet chat's lane is forgotten after this long. */
const IDLE_MS = 5 * 60_000;

export function createThrottle(pacing: Pick<TelegramPacing, 'chatGapMs' | 'groupPerMinute' | 'globalPerSecond'>, clock: Clock = systemClock): Throttle {
  const pacer = createSendPacer({ clock, overall: { limit: pacing.globalPerSecond, windowMs: 1_000 }, idleMs: IDLE_MS });
  // Telegram counts messages per time: the gap runs from one message's start to the next's.
  const privateChat: LaneRules = { gapMs: pacing.chatGapMs, gapFrom: 'start' };
  const group: LaneRules = { ...privateChat, perWindow: { limit: pacing.groupPerMinute, windowMs: 60_000 } };

  return {
    schedule(chatId, isGroup, job) {
      return pacer.schedule(String(chatId), isGroup ? group : privateChat, job);
    },
    async stop() {
      // Dropped jobs reject with PacerStoppedError; the outbox reports them as dropped.
      await pacer.stop();
    },
  };
}
