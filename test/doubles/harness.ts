/**
 * A fake transport that drives the whole bot, like botbuilder's TestAdapter:
 * `await harness.send('…')` returns the reply the person would see.
 */
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createBot, type Bot } from '../../src/bot.js';
import { loadConfig } from '../../src/service/config/config.js';
import { createEngine, type Engine, type Learner } from '../../src/answer/engine.js';
import { openModel } from '../../src/answer/model/open-model.js';
import { loadKnowledge } from '../../src/answer/knowledge/load-knowledge.js';
import { createLogger } from '../../src/logger.js';
import { createSegmenter, type Segmenter } from '../../src/answer/read/segment/segmenter.js';
import { createMemorySessionStore } from '../../src/service/session/session-store.js';
import type { InboundKind, Reply } from '../../src/types.js';
import { clockReading } from './manual-clock.js';

export const KNOWLEDGE_DIR = new URL('../../knowledge', import.meta.url).pathname;
/** The labelled sets the learned model trains from. */
export const TRAINING_SETS_DIR = new URL('../gold', import.meta.url).pathname;

let shared: Promise<{ engine: Engine; segmenter: Segmenter }> | undefined;

/** One engine over the real knowledge base with the default thresholds, shared by a test file. */
export function realEngine(): Promise<{ engine: Engine; segmenter: Segmenter }> {
  shared ??= (async () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const segmenter = await createSegmenter('node-rs-jieba', knowledge.domainWords);
    const defaults = loadConfig({});
    const thresholds = { answer: defaults.answerThreshold, clarify: defaults.clarifyThreshold };
    // As the app builds it: with the learned model, trained on the knowledge base and the labelled
    // sets (kept in a scratch cache keyed by everything it learns from, so workers train once).
    const learn: Learner = (training) =>
      openModel({ knowledge, training, labelledDir: TRAINING_SETS_DIR, snapshotDir: path.join(os.tmpdir(), 'qlb-test-model-cache') });
    return { engine: createEngine(knowledge, segmenter, thresholds, undefined, undefined, learn), segmenter };
  })();
  return shared;
}

export interface Harness {
  bot: Bot;
  /** Sends text from the default person (or `as`), returns the reply. */
  send(text: string, options?: { as?: string; group?: boolean }): Promise<Reply>;
  /** Sends a non-text message (sticker, voice...). */
  sendKind(kind: InboundKind): Promise<Reply>;
  /** Moves the session clock forward. */
  advance(ms: number): void;
  /** Every JSON log line written so far. */
  logs(): Array<Record<string, unknown>>;
}

export async function createHarness(options: { maxMessageChars?: number; logLevel?: string; /** The bot's clock at the start (ms); its today is the day in 曲江区. */ start?: number } = {}): Promise<Harness> {
  const { engine } = await realEngine();
  let now = options.start ?? 1_700_000_000_000;
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const bot = createBot({
    engine,
    logger: createLogger(options.logLevel ?? 'debug', sink),
    maxMessageChars: options.maxMessageChars ?? 500,
    sessionIdleMs: 10 * 60_000,
    sessions: createMemorySessionStore({ idleMs: 10 * 60_000, clock: clockReading(() => now) }),
    clock: clockReading(() => now),
  });
  const base = { adapter: 'test', conversationId: 'chat-1', senderId: 'alice' };
  return {
    bot,
    send: (text, opts = {}) =>
      bot.handle({
        ...base,
        kind: 'text',
        text,
        senderId: opts.as ?? base.senderId,
        conversationId: opts.group ? 'group-1' : opts.as ? `chat-${opts.as}` : base.conversationId,
        isGroup: opts.group,
      }),
    sendKind: (kind) => bot.handle({ ...base, kind, text: '' }),
    advance: (ms) => {
      now += ms;
    },
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
