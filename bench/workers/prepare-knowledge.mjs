/**
 * Loads a knowledge base and builds its engine once the way the app does, so its snapshot and
 * token cache are in place before anything is timed; reports that first build's time (no
 * token cache yet: every text normalized and segmented) as `freshBuildMs`.
 */
import { args, emit } from '../lib/worker-io.mjs';
import { buildEngineLikeApp, loadCore, loadKnowledgeBase } from '../lib/load-core.mjs';
import { SYNTHETIC_LIMITS } from '../lib/synth-knowledge.mjs';

const a = args();
const core = await loadCore(['src/logger.js', 'src/answer/engine.js', 'src/answer/read/segment/segmenter.js', 'src/answer/knowledge/load-knowledge.js']);
let started = performance.now();
const knowledge = await loadKnowledgeBase(core, a.knowledge, { limits: a.synthetic ? SYNTHETIC_LIMITS : undefined, snapshotDir: a.snapshot });
const loadMs = performance.now() - started;
const segmenter = await core.createSegmenter('node-rs-jieba', knowledge.domainWords);
started = performance.now();
await buildEngineLikeApp(core, knowledge, segmenter, { answer: 0.3, clarify: 0.28 }, a.snapshot);
emit({ entries: knowledge.entries.length, loadMs, freshBuildMs: performance.now() - started });
