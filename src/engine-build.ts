/**
 * Builds the engine of a knowledge base for a running bot, with the tokens of its texts kept
 * beside the knowledge snapshot (match/token-cache.ts): a start or reload segments only texts
 * no earlier build has seen; the learned model likewise trains only when what it learns from
 * changed (model/model-snapshot.ts). A cache that cannot be written costs time, never an answer.
 */
import { createEngine, type Engine } from './engine.js';
import { ErrorCodes } from './errors.js';
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import type { Logger } from './logger.js';
import type { Thresholds } from './match/decide.js';
import { openTokenCache } from './match/token-cache.js';
import { openModel } from './model/open-model.js';
import type { Segmenter } from './segment/segmenter.js';

export function buildEngine(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  thresholds: Thresholds,
  options: { snapshotDir?: string; logger: Logger; trainingSetsDir?: string; serving?: Engine },
): Engine {
  const { snapshotDir, logger } = options;
  const tokens = snapshotDir ? openTokenCache(snapshotDir, knowledge, segmenter.name) : undefined;
  const learn = (training: Parameters<typeof openModel>[0]['training']) =>
    openModel({ knowledge, training, labelledDir: options.trainingSetsDir, snapshotDir, logger, serving: options.serving?.model });
  const engine = createEngine(knowledge, segmenter, thresholds, undefined, tokens, learn);
  try {
    tokens?.save();
  } catch (error) {
    logger.warn({ code: ErrorCodes.SNAPSHOT_FAILED, err: error, snapshotDir }, 'token cache not written; builds segment every text until it can be');
  }
  return engine;
}
