/**
 * The gold set as bench input. The parent reads and validates it once (`prepareGold`) and
 * writes plain JSON; workers read that (`readPreparedGold`), so no YAML parser or schema
 * library is loaded, nor its memory counted, in a measured process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { GOLD_FILE, dist } from './paths.mjs';
import { seeded } from './stats.mjs';

const NOT_ENTRY = new Set(['fallback', 'emergency']);

/** Reads the gold set with the core's reader and writes `{cases, inScope}` as JSON into `dir`; returns it and the file. */
export async function prepareGold(dir, file = GOLD_FILE) {
  const { readGoldSet } = await dist('src/eval/run-eval.js');
  const cases = readGoldSet(file).map(({ q, expect, category }) => ({ q, expect, category }));
  const gold = { cases, inScope: cases.filter((c) => !NOT_ENTRY.has(c.expect)) };
  const out = path.join(dir, 'gold.json');
  fs.writeFileSync(out, JSON.stringify(gold));
  return { ...gold, file: out };
}

/** The prepared gold set (see {@link prepareGold}). */
export function readPreparedGold(file) {
  if (!file) throw new Error('a bench worker needs --gold <file> (written by prepareGold)');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** `count` indices of gold cases (all categories), drawn uniformly with a fixed seed. */
export function drawIndices(cases, count, seed = 20230601) {
  const next = seeded(seed);
  return Array.from({ length: count }, () => Math.floor(next() * cases.length));
}

/** `count` gold questions (all categories), drawn uniformly with a fixed seed. */
export function drawQuestions(cases, count, seed = 20230601) {
  return drawIndices(cases, count, seed).map((i) => cases[i].q);
}
