/**
 * The calculators' files (knowledge/calculate/*.yaml), read as every knowledge file is read
 * (within the folder's size budget, as strict YAML) and checked by the calculation core's own
 * validator with the loader's Chinese messages, so `check`, a start and a reload refuse the same
 * faults naming the same file and field; then what only the whole knowledge base can check: a
 * follow-up route (questions.yaml `afterRoute`) names a problem or answer that exists.
 */
import { z } from 'zod';
import { CALCULATE_FILES, loadCalculateKnowledge, type CalculateFiles, type CalculateKnowledge } from '../calculate/index.js';
import type { KnowledgeProblem } from './knowledge-base.js';
import type { ReadBudget } from './read-budget.js';
import { readYaml } from './read-files.js';
import { knowledgeErrorMap } from './schema-messages.js';

const ANY = z.unknown();

/**
 * Reads and checks the calculators' files; problems go to `problems`. `entryIds`: the ids of the
 * knowledge base's entries and problems, which follow-up routes must name.
 */
export function readCalculateKnowledge(budget: ReadBudget, problems: KnowledgeProblem[], entryIds: ReadonlySet<string>): CalculateKnowledge | undefined {
  const before = problems.length;
  const files = Object.fromEntries(Object.entries(CALCULATE_FILES).map(([key, file]) => [key, readYaml(budget, file, ANY, problems)])) as CalculateFiles;
  // A file that cannot be read or parsed is said once, not again as every field it lacks.
  if (problems.length > before) return undefined;
  const load = loadCalculateKnowledge(files, knowledgeErrorMap);
  if (!load.ok) {
    problems.push(...load.problems);
    return undefined;
  }
  const { routes } = load.knowledge.questions.afterRoute;
  routes.forEach((route, index) => {
    if (entryIds.has(route.entry)) return;
    problems.push({
      file: CALCULATE_FILES.questions,
      field: `afterRoute.routes[${index}](entry=${route.entry}).entry`,
      message: `知识库里没有“${route.entry}”这个问题或答案`,
      entry: route.entry,
    });
  });
  return problems.length > before ? undefined : load.knowledge;
}
