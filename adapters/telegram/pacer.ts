/**
 * Outgoing message pacing: Telegram answers 429 to bots that send faster than about one
 * message a second to a chat, twenty a minute to a group, or thirty a second overall.
 * Waiting here first keeps 429s rare; the retry layer handles the ones that still come.
 */
import type { TelegramPacing } from './telegram-options.js';

interface ChatHistory {
  last: number;
  /** Send times in the last minute (groups only). */
  recent: number[];
}

export interface Pacer {
  /** Milliseconds to wait before the next message to `chatId` may go; 0 = now. */
  delay(chatId: string, isGroup: boolean): number;
  /** Notes that a message to `chatId` is going now. */
  record(chatId: string, isGroup: boolean): void;
}

const MINUTE = 60_000;
const SECOND = 1_000;

function prune(times: number[], since: number): void {
  while (times.length > 0 && (times[0] as number) <= since) times.shift();
}

/** Creates a pacer; `now` is injectable for tests. */
export function createPacer(
  pacing: Pick<TelegramPacing, 'chatGapMs' | 'groupPerMinute' | 'globalPerSecond'>,
  now: () => number = Date.now,
): Pacer {
  const chats = new Map<string, ChatHistory>();
  const global: number[] = [];

  // Forget chats that have been quiet for a minute, so the map does not grow for ever.
  const forgetQuiet = (at: number) => {
    if (chats.size < 1_000) return;
    for (const [id, history] of chats) if (history.last < at - MINUTE) chats.delete(id);
  };

  return {
    delay(chatId, isGroup) {
      const at = now();
      let wait = 0;
      const history = chats.get(chatId);
      if (history) {
        wait = Math.max(wait, history.last + pacing.chatGapMs - at);
        if (isGroup) {
          prune(history.recent, at - MINUTE);
          if (history.recent.length >= pacing.groupPerMinute) {
            wait = Math.max(wait, (history.recent[0] as number) + MINUTE - at);
          }
        }
      }
      prune(global, at - SECOND);
      if (global.length >= pacing.globalPerSecond) wait = Math.max(wait, (global[0] as number) + SECOND - at);
      return Math.max(0, wait);
    },
    record(chatId, isGroup) {
      const at = now();
      forgetQuiet(at);
      const history = chats.get(chatId) ?? { last: at, recent: [] };
      history.last = at;
      if (isGroup) history.recent.push(at);
      chats.set(chatId, history);
      global.push(at);
    },
  };
}
