import YAML from 'yaml';
import type { z } from 'zod';
import type { KnowledgeProblem } from './knowledge-base.js';
import { TooLargeError, type ReadBudget } from './read-budget.js';
import { knowledgeErrorMap, orderIssues } from './schema-messages.js';
import { describeYamlFault } from './yaml-messages.js';

export { listEntryFiles } from './knowledge-files.js';

/** Aliases expanded at most per file (the yaml library's guard against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** Reads a file within the budget; records a problem (file and limit) and returns undefined when it cannot. */
function readText(budget: ReadBudget, relative: string, problems: KnowledgeProblem[]): string | undefined {
  try {
    return budget.read(relative);
  } catch (error) {
    const message = error instanceof TooLargeError ? error.message : '文件不存在或读不出';
    problems.push({ file: relative, field: error instanceof TooLargeError ? '(大小)' : '(文件)', message });
    return undefined;
  }
}

/**
 * Parses YAML strictly: the core schema only, duplicate keys refused, and any tag the schema
 * does not know (`!include /etc/passwd`) refused instead of silently read as a string.
 * Anchors and aliases work, within the library's alias limit. `error` is in Chinese, with
 * the line and column where the parser gives them.
 */
export function parseStrictYaml(raw: string): { data?: unknown; error?: string } {
  // prettyErrors: the line and column staff need to find the fault.
  const doc = YAML.parseDocument(raw, { schema: 'core', uniqueKeys: true, strict: true, prettyErrors: true });
  const fault = doc.errors[0] ?? doc.warnings[0];
  if (fault) return { error: describeYamlFault(fault) };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    return { error: describeYamlFault({ message: String((error as Error).message) }) };
  }
}

/** Reads and schema-checks one YAML file; records problems instead of throwing. */
export function readYaml<T extends z.ZodType>(
  budget: ReadBudget,
  relative: string,
  schema: T,
  problems: KnowledgeProblem[],
): z.infer<T> | undefined {
  const raw = readText(budget, relative, problems);
  if (raw === undefined) return undefined;
  const { data, error } = parseStrictYaml(raw);
  if (error !== undefined) {
    problems.push({ file: relative, field: '(yaml)', message: error });
    return undefined;
  }
  // Staff read these messages: zod's own ones in plain Chinese too.
  const parsed = schema.safeParse(data, { error: knowledgeErrorMap });
  if (!parsed.success) {
    for (const issue of orderIssues(parsed.error.issues)) {
      problems.push({ file: relative, field: describePath(data, issue.path), message: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

/**
 * Turns `[3, 'questions']` into `[3](id=legal-aid.where).questions` and `['categories', 3]`
 * into `categories[3](id=violence)`, like the other refusals, so staff find the entry.
 */
function describePath(data: unknown, issuePath: PropertyKey[]): string {
  if (issuePath.length === 0) return '(整个文件)';
  let at: unknown = data;
  let out = '';
  for (const part of issuePath) {
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part !== 'number') {
      out += out === '' ? String(part) : `.${String(part)}`;
      continue;
    }
    const id = at !== null && typeof at === 'object' ? (at as { id?: unknown }).id : undefined;
    out += `[${part}]${typeof id === 'string' ? `(id=${id})` : ''}`;
  }
  return out;
}

/** Reads a one-item-a-line list; `#` starts a comment. */
export function readLines(budget: ReadBudget, relative: string, problems: KnowledgeProblem[]): string[] {
  const raw = readText(budget, relative, problems);
  if (raw === undefined) return [];
  return raw
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
}

/** Reads a source document within the budget; undefined (and a problem) when it cannot. */
export function readSource(budget: ReadBudget, relative: string, problems: KnowledgeProblem[]): string | undefined {
  return readText(budget, relative, problems);
}
