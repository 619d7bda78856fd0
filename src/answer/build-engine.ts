/**
 * Builds the engine of a knowledge base for a running bot, with the tokens of its texts kept
 * beside the knowledge snapshot (match/token-cache.ts): a start or reload segments only texts
 * no earlier build has seen; the learned model likewise trains only when what it learns from
 * changed (model/model-snapshot.ts). A cache that cannot be written costs time, never an answer.
 */
import { createEngine, engineSteps, type Engine } from './engine.js';
import { runStepsPausing } from './match/build-in-steps.js';
import { ErrorCodes } from '../errors.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import type { Logger } from 'pino';
import type { Thresholds } from './match/decide.js';
import { openTokenCache, tokenCacheOf, type TokenRow } from './match/token-cache.js';
import type { ModelParts } from './model/learned-model.js';
import { openModel } from './model/open-model.js';
import type { Segmenter } from './read/segment/segmenter.js';

export function buildEngine(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  thresholds: Thresholds,
  options: BuildModelOptions,
): Engine {
  const { snapshotDir, logger } = options;
  const tokens = snapshotDir ? openTokenCache(snapshotDir, knowledge, segmenter.name) : undefined;
  const engine = createEngine(knowledge, segmenter, thresholds, undefined, tokens, learnerFor(knowledge, options));
  try {
    tokens?.save();
  } catch (error) {
    logger.warn({ code: ErrorCodes.SNAPSHOT_FAILED, err: error, snapshotDir }, 'token cache not written; builds segment every text until it can be');
  }
  return engine;
}

/**
 * Builds the engine on this thread from the tokens of every text worked out elsewhere (the
 * knowledge worker thread): nothing is segmented again, and the index is built in steps with
 * a turn of the event loop between them, so a reload holds residents up for one step at most.
 */
export function buildEngineFromTokens(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  thresholds: Thresholds,
  tokens: readonly TokenRow[],
  model: BuildModelOptions,
): Promise<Engine> {
  return runStepsPausing(engineSteps(knowledge, segmenter, thresholds, undefined, tokenCacheOf(tokens), learnerFor(knowledge, model)));
}

/** Where a build's model comes from. */
export interface BuildModelOptions {
  snapshotDir?: string;
  logger: Logger;
  trainingSetsDir?: string;
  /** The engine serving now: its model is kept when it still fits. */
  serving?: Engine;
  /** A model the knowledge worker trained for this knowledge (it did not fit the serving one). */
  trained?: ModelParts;
}

/** The learner of a build: one trained elsewhere, the snapshot, the serving model when it still fits, or a training. */
function learnerFor(knowledge: KnowledgeBase, options: BuildModelOptions) {
  return (training: Parameters<typeof openModel>[0]['training']) =>
    openModel({
      knowledge,
      training,
      labelledDir: options.trainingSetsDir,
      snapshotDir: options.snapshotDir,
      logger: options.logger,
      serving: options.serving?.model,
      trained: options.trained,
    });
}
