/**
 * Reads knowledge/calculate/ (when the folder has it) within the read budget and validates it
 * with the calculators' own loader; its problems join the knowledge base's, by file and field.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CALCULATE_FILES, loadCalculateKnowledge, type CalculateFiles, type CalculateKnowledge } from '../calculate/knowledge.js';
import type { KnowledgeProblem } from './knowledge-base.js';
import type { ReadBudget } from './read-budget.js';
import { readYaml } from './read-files.js';
import { knowledgeErrorMap } from './schema-messages.js';

/** The calculators' knowledge, or undefined when the folder has no calculate/deadlines.yaml or it is invalid (problems recorded). */
export function readCalculate(dir: string, budget: ReadBudget, problems: KnowledgeProblem[]): CalculateKnowledge | undefined {
  if (!fs.existsSync(path.join(dir, CALCULATE_FILES.deadlines))) return undefined;
  const files = Object.fromEntries(
    Object.entries(CALCULATE_FILES).map(([key, file]) => [key, readYaml(budget, file, z.unknown(), problems)]),
  ) as CalculateFiles;
  const loaded = loadCalculateKnowledge(files, knowledgeErrorMap);
  if (loaded.ok) return loaded.knowledge;
  problems.push(...loaded.problems);
  return undefined;
}
