/** Cold start: from process start to ready-to-answer (knowledge loaded, segmenter loaded, index built). */
import { args, emit } from '../lib/worker-io.mjs';
import { KNOWLEDGE_DIR } from '../lib/paths.mjs';
import { loadCore, unavailable } from '../lib/load-core.mjs';

const { segmenter } = args();
const core = await loadCore();
const config = core.loadConfig({ ...process.env, KNOWLEDGE_DIR, SEGMENTER: segmenter });
try {
  await core.createApp(config, core.createLogger('warn'));
  // performance.now() counts from the moment this Node process began.
  emit({ readyMs: performance.now() });
} catch (error) {
  emit(unavailable(core, error));
}
