/**
 * Answers-per-minute limits per person and per room, and a daily cap for the whole account.
 * Checked before the core runs, so a flood costs neither sends nor session changes.
 */
import type { Clock } from './clock.js';

export interface RateLimits {
  /** Answers per person per minute (private chats and rooms together). */
  contactPerMinute: number;
  /** Answers per room per minute, whoever asks. */
  roomPerMinute: number;
  /** Replies of any kind per local calendar day; after it the bot stays silent until midnight. */
  dailyCap: number;
}

/**
 * - `ok`: answer (the answer has been counted);
 * - `notice`: over a per-minute limit for the first time in this window: send the friendly notice once;
 * - `silent`: over a limit and already told: say nothing until the window passes;
 * - `capped`: the daily cap is reached.
 */
export type Verdict = 'ok' | 'notice' | 'silent' | 'capped';

/** Which limit a `notice` or `silent` verdict came from. */
export type LimitScope = 'contact' | 'room';

export interface RateLimiter {
  /** Decides about one reply to `contactId` (in `roomId` when in a room); counts it when admitted. */
  admit(contactId: string, roomId?: string): { verdict: Verdict; scope?: LimitScope };
  /** Counts a reply the bot sends on its own (a greeting) against the daily cap; false when capped. */
  admitExtra(): boolean;
}

const WINDOW_MS = 60_000;
const SWEEP_AT = 2_000;

interface Window {
  times: number[];
  /** The notice has been sent since the last admitted answer. */
  told: boolean;
}

/** Creates a limiter with empty windows. */
export function createRateLimiter(limits: RateLimits, clock: Clock): RateLimiter {
  const windows = new Map<string, Window>();
  let day = '';
  let sentToday = 0;

  const windowOf = (key: string, now: number) => {
    let window = windows.get(key);
    if (!window) {
      if (windows.size >= SWEEP_AT) sweep(now);
      window = { times: [], told: false };
      windows.set(key, window);
    }
    window.times = window.times.filter((time) => now - time < WINDOW_MS);
    return window;
  };

  // Keeps memory flat in busy rooms: forget keys whose window is empty.
  const sweep = (now: number) => {
    for (const [key, window] of windows) {
      if (window.times.every((time) => now - time >= WINDOW_MS)) windows.delete(key);
    }
  };

  const underDailyCap = (now: number) => {
    const today = new Date(now).toDateString(); // local day: the cap resets at the server's midnight
    if (today !== day) {
      day = today;
      sentToday = 0;
    }
    return sentToday < limits.dailyCap;
  };

  return {
    admit(contactId, roomId) {
      const now = clock.now();
      if (!underDailyCap(now)) return { verdict: 'capped' };
      const checks: Array<{ scope: LimitScope; window: Window; limit: number }> = [
        { scope: 'contact', window: windowOf(`c:${contactId}`, now), limit: limits.contactPerMinute },
      ];
      if (roomId !== undefined) {
        checks.push({ scope: 'room', window: windowOf(`r:${roomId}`, now), limit: limits.roomPerMinute });
      }
      const over = checks.find((check) => check.window.times.length >= check.limit);
      if (over) {
        if (over.window.told) return { verdict: 'silent', scope: over.scope };
        over.window.told = true;
        sentToday += 1;
        return { verdict: 'notice', scope: over.scope };
      }
      for (const check of checks) {
        check.window.times.push(now);
        check.window.told = false; // answered again: a later excess deserves a fresh notice
      }
      sentToday += 1;
      return { verdict: 'ok' };
    },

    admitExtra() {
      if (!underDailyCap(clock.now())) return false;
      sentToday += 1;
      return true;
    },
  };
}
