/**
 * Helpers for a clean stop: telegraf's polling stopped without racing its start, and waits
 * that never outlive the stop they belong to.
 */
import type { Telegraf } from 'telegraf';
import { sleep } from './retry.js';

/** True when `done` settles within `ms`; the timer never outlives the wait. */
export async function settledWithin(done: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const result = await Promise.race([done.then(() => true), sleep(ms, timer.signal).then(() => false)]);
  timer.abort();
  return result;
}

/**
 * Stops telegraf's long polling. `launch()` creates its poller only after its own
 * deleteWebhook call, so a stop right after start may come before there is anything to
 * stop (telegraf then throws "Bot is not running!"): try again until it stops or ends.
 */
export async function stopPolling(bot: Telegraf, polling: Promise<void>): Promise<void> {
  let ended = false;
  void polling.then(() => (ended = true));
  while (!ended) {
    try {
      bot.stop('adapter stop');
      break;
    } catch {
      await Promise.race([polling, sleep(20)]);
    }
  }
  await polling;
}
