/** What the workers need from the compiled core, loaded once per worker. */
import pino from 'pino';
import { dist } from './paths.mjs';

export async function loadCore() {
  const [app, config, logger, engine, bot, knowledge, segmenter, errors] = await Promise.all(
    ['src/app.js', 'src/config.js', 'src/logger.js', 'src/engine.js', 'src/bot.js', 'src/knowledge/load-knowledge.js', 'src/segment/segmenter.js', 'src/errors.js'].map(dist),
  );
  return { ...app, ...config, ...logger, ...engine, ...bot, ...knowledge, ...segmenter, ...errors };
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
