/**
 * The trained model kept beside the knowledge snapshot (DATA_DIR/cache), so a start loads it
 * instead of training. Derived data only: keyed by a digest of everything training reads (the
 * labelled texts, the classes, the settings, the rules that tag features, the model's code), so
 * a file that is there always stands for exactly what a fresh training gives.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeDigest } from '../../fs/code-digest.js';
import { readCacheFile, writeCacheFile } from '../../fs/cache-file.js';
import type { ModelParts } from './learned-model.js';
import type { SoftmaxModel } from './softmax-regression.js';

const FORMAT = 1;
const FILE = 'learned-model.cache';
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Code whose change changes what training gives (relative to this folder, without extension; a test checks each is there). */
export const CODE = ['featurize', 'softmax-regression', 'learned-model', 'training-data', 'vocabulary', '../read/normalize', '../safety/detect-emergency', '../safety/hazard-lexicon', '../model-input'];


/** The key of a training: every input that decides the model, hashed with the code. */
export function trainingKey(inputs: unknown): string {
  return createHash('sha256').update(codeDigest(HERE, CODE)).update(JSON.stringify(inputs)).digest('hex');
}

const b64 = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
function bytes(text: string): ArrayBuffer {
  const buffer = Buffer.from(text, 'base64');
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
}

const packSoftmax = (model: SoftmaxModel) => ({
  classes: model.classes,
  bias: b64(model.bias),
  starts: b64(model.starts),
  classOf: b64(model.classOf),
  weightOf: b64(model.weightOf),
});

type PackedSoftmax = ReturnType<typeof packSoftmax>;

const unpackSoftmax = (packed: PackedSoftmax): SoftmaxModel => ({
  classes: packed.classes,
  bias: new Float32Array(bytes(packed.bias)),
  starts: new Uint32Array(bytes(packed.starts)),
  classOf: new Uint16Array(bytes(packed.classOf)),
  weightOf: new Float32Array(bytes(packed.weightOf)),
});

/** The model trained under `key`, when the cache in `dir` holds it. */
export function readModelSnapshot(dir: string, key: string): ModelParts | undefined {
  const file = readCacheFile(path.join(dir, FILE));
  if (!file || file.header.format !== FORMAT || file.header.key !== key) return undefined;
  try {
    const body = JSON.parse(file.body) as Omit<ModelParts, 'intent' | 'kind'> & { intent: PackedSoftmax; kind: PackedSoftmax };
    return { ...body, intent: unpackSoftmax(body.intent), kind: unpackSoftmax(body.kind) };
  } catch {
    return undefined;
  }
}

/** Keeps `parts` under `key` in `dir`. @throws the file system's error */
export function writeModelSnapshot(dir: string, key: string, parts: ModelParts): void {
  fs.mkdirSync(dir, { recursive: true });
  const body = JSON.stringify({ ...parts, intent: packSoftmax(parts.intent), kind: packSoftmax(parts.kind) });
  writeCacheFile(path.join(dir, FILE), { format: FORMAT, key }, body);
}
