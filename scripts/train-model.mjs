// Part of `npm run build`: trains the learned model of the package's own knowledge base and
// labelled sets (test/gold) once, into dist/model, so that no start with a fresh DATA_DIR
// trains it again. Keyed like every snapshot: a changed knowledge base or set simply misses it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadKnowledge } = await import(path.join(root, 'dist/src/answer/knowledge/load-knowledge.js'));
const { openModel } = await import(path.join(root, 'dist/src/answer/model/open-model.js'));
const { modelTrainingFor } = await import(path.join(root, 'dist/src/answer/model-input.js'));

const started = performance.now();
const knowledge = loadKnowledge(path.join(root, 'knowledge'));
const dir = path.join(root, 'dist', 'model');
const model = openModel({ knowledge, training: modelTrainingFor(knowledge), labelledDir: path.join(root, 'test', 'gold'), snapshotDir: dir, prebuiltDir: dir });
console.log(`learned model: ${model.classes.length} classes, ${model.parts.features.length} features, in ${dir} (${Math.round(performance.now() - started)} ms)`);
