/**
 * Where things are: the repo root, the compiled tree measured, the real knowledge base and the
 * gold set. `QLB_BENCH_ROOT` points the workers at another checkout's compiled tree (the
 * `--compare` runs); the knowledge base and the gold set stay this checkout's, so both sides
 * answer the same questions over the same data.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The checkout whose compiled code is measured (this one unless QLB_BENCH_ROOT says otherwise). */
export const MEASURED_ROOT = process.env.QLB_BENCH_ROOT ? path.resolve(process.env.QLB_BENCH_ROOT) : ROOT;
export const DIST = path.join(MEASURED_ROOT, 'dist');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
export const GOLD_FILE = path.join(ROOT, 'test', 'gold', 'gold-set.yaml');
export const BIN = path.join(MEASURED_ROOT, 'bin', 'legal-bot');

/**
 * Where the modules the benchmarks import stood before issue 27 moved them (src/answer,
 * src/service), so `--compare` can still measure a checkout from before the move.
 */
const BEFORE_THE_MOVE = {
  'src/answer/engine.js': 'src/engine.js',
  'src/answer/build-engine.js': 'src/engine-build.js',
  'src/answer/knowledge/load-knowledge.js': 'src/knowledge/load-knowledge.js',
  'src/answer/knowledge/open-knowledge.js': 'src/knowledge/open-knowledge.js',
  'src/answer/read/segment/segmenter.js': 'src/segment/segmenter.js',
  'src/answer/privacy/mask.js': 'src/privacy/mask.js',
  'src/service/config/config.js': 'src/config.js',
  'src/service/store/sqlite-store.js': 'src/store/sqlite-store.js',
};

/** Imports a compiled module of the measured checkout, e.g. `dist('src/app.js')`. */
export const dist = (relative) =>
  import(path.join(DIST, relative)).catch((error) => {
    const before = BEFORE_THE_MOVE[relative];
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !before || fs.existsSync(path.join(DIST, relative))) throw error;
    return import(path.join(DIST, before));
  });

/**
 * The node flags the bot runs with in production: those of `npm start` (package.json), which
 * the systemd unit repeats. Workers that measure the running bot run with them too.
 */
export const PRODUCTION_NODE_FLAGS = (() => {
  const start = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts?.start ?? '';
  const words = start.split(/\s+/);
  const at = words.indexOf('node');
  return at < 0 ? [] : words.slice(at + 1).filter((word, i, all) => word.startsWith('--') && all.slice(0, i).every((w) => w.startsWith('--')));
})();
