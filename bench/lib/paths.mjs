/** Where things are: the repo root, its compiled dist/, the real knowledge base and the gold set. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = path.join(ROOT, 'dist');
export const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
export const GOLD_FILE = path.join(ROOT, 'test', 'gold', 'gold-set.yaml');
export const BIN = path.join(ROOT, 'bin', 'legal-bot');

/** Imports a compiled module, e.g. `dist('src/app.js')`. */
export const dist = (relative) => import(path.join(DIST, relative));
