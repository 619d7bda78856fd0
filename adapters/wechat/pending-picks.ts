/**
 * In a group, the bot answers only when @-mentioned, yet its menus say "回复数字查看". So
 * after the bot has sent someone a numbered list in a group, that person's bare pick ("2",
 * "第二个") counts as addressed to the bot for a few minutes, without the @. Anyone else's
 * digits, and anything that is not a pick, still need the mention.
 */
import { parsePick } from '../../src/dialog/intents.js';
import type { Clock } from './clock.js';

/** How long a list stays open for a bare pick; shorter than the core's session idle time. */
export const PICK_WINDOW_MS = 5 * 60_000;
const SWEEP_AT = 1_000;

export interface PendingPicks {
  /** Notes that `talkerId` was just sent a numbered list in `roomId`. */
  remember(roomId: string, talkerId: string): void;
  /** True when `text` is a bare pick and `talkerId` has an open list in `roomId`. */
  accepts(roomId: string, talkerId: string, text: string): boolean;
}

/** Creates an empty register. */
export function createPendingPicks(clock: Clock, windowMs = PICK_WINDOW_MS): PendingPicks {
  const open = new Map<string, number>();
  const key = (roomId: string, talkerId: string) => `${roomId}\u0000${talkerId}`;
  return {
    remember(roomId, talkerId) {
      const now = clock.now();
      if (open.size >= SWEEP_AT) for (const [k, until] of open) if (until <= now) open.delete(k);
      open.set(key(roomId, talkerId), now + windowMs);
    },
    accepts(roomId, talkerId, text) {
      const until = open.get(key(roomId, talkerId));
      if (until === undefined || until <= clock.now()) return false;
      // NFKC: full-width digits typed on Chinese keyboards ("２") count too.
      return parsePick(text.normalize('NFKC').trim()) !== undefined;
    },
  };
}
