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

/** Imports a compiled module of the measured checkout, e.g. `dist('src/app.js')`. */
export const dist = (relative) => import(path.join(DIST, relative));

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
