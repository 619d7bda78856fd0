/**
 * In a room the bot answers only when @-mentioned, yet its menus say "回复数字" and its
 * answers "有用回复1,没用回复0". The core says when a reply waits for such an answer
 * (`reply.awaits`); the adapter only remembers who got it. The rule, kept small:
 *
 * After a reply that awaits a pick or a vote went to a person in a room, that person's
 * next bare answer there reaches the bot without the @, once, within 5 minutes for a pick
 * and 2 minutes for a vote. A bare answer is a short message (at most 6 characters) with a
 * number in it: "2", "２", "第二个", "1", "0". Anyone else, and anything longer, still needs
 * the @. What the answer means is the core's to decide.
 */
import type { Clock } from '../../src/service/time/clock.js';
import type { ReplyAwaits } from '../../src/types.js';

/** How long each kind of awaited answer is taken without the @. */
export const AWAIT_WINDOW_MS: Record<ReplyAwaits, number> = { pick: 5 * 60_000, vote: 2 * 60_000 };
const MAX_CHARS = 6;
const HAS_NUMBER = /[0-9一二两三四五六七八九十]/u;
/** Forget expired windows once this many are open, so memory stays flat in busy rooms. */
const SWEEP_AT = 1_000;

export interface AwaitedAnswers {
  /** Notes the reply just sent to `talkerId` in `roomId`: opens (or closes) their window. */
  replied(roomId: string, talkerId: string, awaits: ReplyAwaits | undefined): void;
  /** True, once, when `text` is a bare answer `talkerId` was asked for in `roomId`. */
  take(roomId: string, talkerId: string, text: string): boolean;
}

/** True for a short message with a number in it (NFKC, so full-width digits count). */
export function isBareAnswer(text: string): boolean {
  const bare = text.normalize('NFKC').trim();
  return Array.from(bare).length <= MAX_CHARS && HAS_NUMBER.test(bare);
}

export function createAwaitedAnswers(clock: Clock): AwaitedAnswers {
  const open = new Map<string, number>();
  const key = (roomId: string, talkerId: string) => `${roomId}\u0000${talkerId}`;
  return {
    replied(roomId, talkerId, awaits) {
      const at = clock.now();
      if (open.size >= SWEEP_AT) for (const [k, until] of open) if (until <= at) open.delete(k);
      if (awaits) open.set(key(roomId, talkerId), at + AWAIT_WINDOW_MS[awaits]);
      else open.delete(key(roomId, talkerId));
    },
    take(roomId, talkerId, text) {
      const k = key(roomId, talkerId);
      const until = open.get(k);
      if (until === undefined || until <= clock.now() || !isBareAnswer(text)) return false;
      open.delete(k);
      return true;
    },
  };
}
