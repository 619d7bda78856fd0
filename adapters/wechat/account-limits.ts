/**
 * What WeChat adds to the core's per-person rate limit: answers per room per minute, whoever
 * asks, and the account's volume in any 24 hours; both on the one sliding-window limiter.
 * Checked before the core runs, so a flood costs neither sends nor session changes. A
 * person over their own limit is the core's to tell (one notice, never two).
 */
import { createRateLimiter } from '../../src/service/limits/rate-limiter.js';
import type { Clock } from '../../src/service/time/clock.js';
import { DAY_MS } from '../../src/service/time/durations.js';

export interface AccountLimitSettings {
  /** Answers per room per minute, whoever asks. */
  roomPerMinute: number;
  /** Messages of the account (answers, notices, greetings) in any 24 hours. */
  dailyCap: number;
}

/**
 * - `ok`: answer (counted against the cap);
 * - `room-notice`: the room is over its limit for the first time this minute: tell it once;
 * - `silent`: over the room limit and already told;
 * - `capped`: the account reached its cap (the first time: `capped-first`, to log it once).
 */
export type Verdict = 'ok' | 'room-notice' | 'silent' | 'capped' | 'capped-first';

export interface AccountLimits {
  /** Decides about one message arriving in `roomId` (undefined in a private chat). */
  admit(roomId?: string): Verdict;
  /** Decides about a message the bot sends on its own (a greeting): `ok` or capped. */
  admitExtra(): Verdict;
}

const ACCOUNT = 'account';

export function createAccountLimits(settings: AccountLimitSettings, clock: Clock): AccountLimits {
  const rooms = createRateLimiter({ limit: settings.roomPerMinute, clock });
  const account = createRateLimiter({ limit: settings.dailyCap, windowMs: DAY_MS, maxKeys: 1, clock });
  const capped = (): Verdict => (account.admit(ACCOUNT) === 'notice' ? 'capped-first' : 'capped');

  return {
    admit(roomId) {
      if (!account.hasRoom(ACCOUNT)) return capped();
      if (roomId !== undefined) {
        const room = rooms.admit(roomId);
        if (room === 'silent') return 'silent';
        account.admit(ACCOUNT); // the notice is a message too
        return room === 'notice' ? 'room-notice' : 'ok';
      }
      account.admit(ACCOUNT);
      return 'ok';
    },
    admitExtra() {
      if (!account.hasRoom(ACCOUNT)) return capped();
      account.admit(ACCOUNT);
      return 'ok';
    },
  };
}
