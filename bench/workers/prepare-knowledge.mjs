/** Loads a knowledge base once the way the app does, so its snapshot is in place before anything is timed. */
import { args, emit } from '../lib/worker-io.mjs';
import { loadCore, loadKnowledgeBase } from '../lib/load-core.mjs';
import { SYNTHETIC_LIMITS } from '../lib/synth-knowledge.mjs';

const a = args();
const core = await loadCore(['knowledge/load-knowledge']);
const started = performance.now();
const knowledge = await loadKnowledgeBase(core, a.knowledge, { limits: a.synthetic ? SYNTHETIC_LIMITS : undefined, snapshotDir: a.snapshot });
emit({ entries: knowledge.entries.length, ms: performance.now() - started });
