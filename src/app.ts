/**
 * Wires one bot process from validated config: knowledge, segmenter, engine, bot.
 * Loading is explicit (no side effects on import) so every CLI command and test controls it.
 */
import { createBot, type Bot } from './bot.js';
import type { Config } from './config.js';
import { createEngine, type Engine } from './engine.js';
import { createSafeHandler } from './dialog/safe-handler.js';
import { loadKnowledge } from './knowledge/load-knowledge.js';
import type { Logger } from './logger.js';
import { createSegmenter, type Segmenter } from './segment/segmenter.js';
import type { MessageHandler } from './types.js';

export interface App {
  config: Config;
  bot: Bot;
  segmenter: Segmenter;
  logger: Logger;
  /** The bot's handler wrapped for adapters: logs failures, never rejects. */
  handler: MessageHandler;
}

/** Builds an engine for a knowledge directory with an already loaded segmenter. */
export function buildEngine(config: Config, segmenter: Segmenter, knowledgeDir = config.knowledgeDir): Engine {
  return createEngine(loadKnowledge(knowledgeDir), segmenter, {
    answer: config.answerThreshold,
    clarify: config.clarifyThreshold,
  });
}

/**
 * Loads everything. @throws BotError when the knowledge base is invalid or the segmenter
 * cannot load; the message says why.
 */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  const knowledge = loadKnowledge(config.knowledgeDir);
  const segmenter = await createSegmenter(config.segmenter, knowledge.domainWords);
  const engine = createEngine(knowledge, segmenter, { answer: config.answerThreshold, clarify: config.clarifyThreshold });
  const bot = createBot({
    engine,
    logger,
    maxMessageChars: config.maxMessageChars,
    sessionIdleMs: config.sessionIdleMs,
  });
  const handler = createSafeHandler((message) => bot.handle(message), logger, () => bot.engine.compose.error());
  return { config, bot, segmenter, logger, handler };
}
