/** Segmenter load time and resident memory it adds (RSS after − before, both after a full GC). */
import { args, emit } from '../lib/worker-io.mjs';
import { KNOWLEDGE_DIR } from '../lib/paths.mjs';
import { loadCore, unavailable } from '../lib/load-core.mjs';
import { MB } from '../lib/stats.mjs';

const { segmenter } = args();
const core = await loadCore();
const { domainWords } = core.loadKnowledge(KNOWLEDGE_DIR);
globalThis.gc?.();
const before = process.memoryUsage.rss();
const started = performance.now();
try {
  const seg = await core.createSegmenter(segmenter, domainWords);
  const loadMs = performance.now() - started;
  seg.cutForSearch('法律援助去哪里申请'); // touch it once so lazily built tables are resident
  globalThis.gc?.();
  emit({ loadMs, rssMb: (process.memoryUsage.rss() - before) / MB });
} catch (error) {
  emit(unavailable(core, error));
}
