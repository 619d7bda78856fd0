/**
 * The whole bot over the real knowledge base with the staff-loop options switched on
 * (store, typed feedback, rate limit, staff commands), a movable clock and a memory store.
 */
import { createBot, type Bot, type BotOptions } from '../../src/bot.js';
import { createMemoryStore, type MemoryStore } from '../../src/service/store/message-store.js';
import type { InboundMessage, Reply } from '../../src/types.js';
import { realEngine } from './harness.js';
import { createLogSink, type LogSink } from './log-sink.js';
import { clockReading } from './manual-clock.js';

export interface StaffBot {
  bot: Bot;
  store: MemoryStore;
  log: LogSink;
  /** Sends text as `from` (default `alice` on adapter `console`). */
  send(text: string, options?: Partial<InboundMessage>): Promise<Reply>;
  /** Sends any message (defaults filled in). */
  deliver(message: Partial<InboundMessage>): Promise<Reply>;
  advance(ms: number): void;
}

/** Creates the bot; `options` override the staff-loop settings. */
export async function createStaffBot(options: Partial<BotOptions> = {}): Promise<StaffBot> {
  const { engine } = await realEngine();
  let now = 1_700_000_000_000;
  const store = createMemoryStore();
  const log = createLogSink('info');
  const bot = createBot({
    engine,
    logger: log.logger,
    maxMessageChars: 500,
    sessionIdleMs: 10 * 60_000,
    clock: clockReading(() => now),
    store,
    feedbackWindowMs: 120_000,
    ...options,
  });
  const deliver = (message: Partial<InboundMessage>) =>
    bot.handle({ adapter: 'console', conversationId: 'console', senderId: 'alice', kind: 'text', text: '', ...message });
  return {
    bot,
    store,
    log,
    deliver,
    send: (text, extra = {}) => deliver({ ...extra, kind: 'text', text }),
    advance: (ms) => {
      now += ms;
    },
  };
}

/** A question the current knowledge base answers with a clarify list (found, not assumed: tuning moves them). */
export async function findClarify(b: StaffBot, options: Partial<InboundMessage> = {}): Promise<string> {
  for (const question of ['公证', '调解', '律师', '仲裁', '法律援助', '窗口', '热线']) {
    const reply = await b.send(question, { ...options, conversationId: `probe-${question}` });
    if (reply.kind === 'clarify') return question;
  }
  throw new Error('no probe question gets a clarify list any more: add one');
}
