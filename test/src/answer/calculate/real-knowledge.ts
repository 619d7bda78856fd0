/** The calculators' knowledge as shipped (knowledge/calculate/*.yaml), read and validated once. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CALCULATE_FILES, loadCalculateKnowledge, type CalculateFiles, type CalculateKnowledge } from '../../../../src/answer/calculate/knowledge.js';

/** The parsed files of `dir` (the repository's knowledge/ by default). */
export function readCalculateFiles(dir = 'knowledge'): CalculateFiles {
  const entries = Object.entries(CALCULATE_FILES).map(([key, file]) => [key, parse(readFileSync(join(dir, file), 'utf8'))]);
  return Object.fromEntries(entries) as CalculateFiles;
}

let cached: CalculateKnowledge | undefined;

/** The shipped knowledge; throws with every problem when it does not validate. */
export function realKnowledge(): CalculateKnowledge {
  if (cached) return cached;
  const load = loadCalculateKnowledge(readCalculateFiles());
  if (!load.ok) throw new Error(load.problems.map((problem) => `${problem.file} ${problem.field}: ${problem.message}`).join('\n'));
  cached = load.knowledge;
  return cached;
}
