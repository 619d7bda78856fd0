/**
 * Cold start: from process start to the first answer, the way `serve` and `ask` start: config,
 * logger, `createApp` (knowledge, segmenter, engine), then one question through the handler.
 * Prints `readyMs` (createApp resolved) and `answerMs` (first reply in hand), both counted by
 * performance.now() from the moment this Node process began; the parent adds the spawn.
 */
import { args, emit } from '../lib/worker-io.mjs';
import { KNOWLEDGE_DIR } from '../lib/paths.mjs';
import { loadCore, unavailable } from '../lib/load-core.mjs';

const { segmenter, question = '法律援助去哪里申请' } = args();
const core = await loadCore(['src/app.js', 'src/service/config/config.js', 'src/logger.js', 'src/errors.js']);
const config = core.loadConfig({ ...process.env, KNOWLEDGE_DIR, SEGMENTER: segmenter });
try {
  const app = await core.createApp(config, core.createLogger('warn'));
  const readyMs = performance.now();
  const reply = await app.handler({ adapter: 'bench', conversationId: 'cold', senderId: 'u', kind: 'text', text: question });
  const answerMs = performance.now();
  emit({ readyMs, answerMs, kind: reply.kind, peakRssMb: process.resourceUsage().maxRSS / 1024 });
} catch (error) {
  emit(unavailable(core, error));
}
