/** The gold set as bench input: in-scope cases (an entry id expected) and a seeded draw of messages. */
import { GOLD_FILE, dist } from './paths.mjs';
import { seeded } from './stats.mjs';

const NOT_ENTRY = new Set(['fallback', 'emergency']);

export async function readGold() {
  const { readGoldSet } = await dist('src/eval/run-eval.js');
  const cases = readGoldSet(GOLD_FILE);
  return { cases, inScope: cases.filter((c) => !NOT_ENTRY.has(c.expect)) };
}

/** `count` gold questions (all categories), drawn uniformly with a fixed seed. */
export function drawQuestions(cases, count, seed = 20230601) {
  const next = seeded(seed);
  return Array.from({ length: count }, () => cases[Math.floor(next() * cases.length)].q);
}
