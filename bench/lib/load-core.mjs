/** What the workers need from the compiled core, loaded once per worker. */
import pino from 'pino';
import { dist } from './paths.mjs';

const ALL = ['src/app.js', 'src/service/config/config.js', 'src/logger.js', 'src/answer/engine.js', 'src/bot.js', 'src/answer/knowledge/load-knowledge.js', 'src/answer/read/segment/segmenter.js', 'src/errors.js'];

/**
 * The core's exports from `modules` (paths under dist/), all by default. A worker that
 * measures memory or start-up imports only what the measured path imports.
 */
export async function loadCore(modules = ALL) {
  const loaded = await Promise.all(modules.map((m) => dist(m)));
  return Object.assign({}, ...loaded);
}

/**
 * Loads the knowledge base the way the measured checkout's app does: through its snapshot
 * (`openKnowledge`, in `snapshotDir`) when it has one, else by parsing the files.
 */
export async function loadKnowledgeBase(core, dir, { limits, snapshotDir } = {}) {
  const open = await dist('src/answer/knowledge/open-knowledge.js').catch(() => undefined);
  if (open && snapshotDir) return open.openKnowledge(dir, { limits, snapshotDir });
  const { loadKnowledge } = core.loadKnowledge ? core : await dist('src/answer/knowledge/load-knowledge.js');
  return loadKnowledge(dir, limits);
}

/**
 * Builds the engine the way the measured checkout's app does: with the token cache of an
 * earlier build in `snapshotDir` (engine-build.js) when it has one, else plainly.
 */
export async function buildEngineLikeApp(core, knowledge, segmenter, thresholds, snapshotDir) {
  const build = snapshotDir ? await dist('src/answer/build-engine.js').catch(() => undefined) : undefined;
  if (build) return build.buildEngine(knowledge, segmenter, thresholds, { snapshotDir, logger: core.createLogger('silent') });
  return core.createEngine(knowledge, segmenter, thresholds);
}

/**
 * The production logger (pino, masking, level from config: info by default) writing to
 * /dev/null, so per-message log serialization is measured but nothing floods the terminal.
 */
export function nullLogger(core, level = 'info') {
  return core.createLogger(level, pino.destination({ dest: '/dev/null', sync: true }));
}

/** A segmenter that is not installed is reported, not fatal. */
export function unavailable(core, error) {
  if (error?.code === core.ErrorCodes.SEGMENTER_UNAVAILABLE) return { unavailable: error.message.split('\n')[0] };
  throw error;
}
