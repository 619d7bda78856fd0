import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { KnowledgeProblem } from './knowledge-base.js';

/** Reads and schema-checks one YAML file; records problems instead of throwing. */
export function readYaml<T extends z.ZodType>(
  dir: string,
  relative: string,
  schema: T,
  problems: KnowledgeProblem[],
): z.infer<T> | undefined {
  const full = path.join(dir, relative);
  let raw: string;
  try {
    raw = fs.readFileSync(full, 'utf8');
  } catch {
    problems.push({ file: relative, field: '(文件)', message: '文件不存在或读不出' });
    return undefined;
  }
  let data: unknown;
  try {
    data = YAML.parse(raw);
  } catch (error) {
    problems.push({ file: relative, field: '(yaml)', message: `YAML 格式错误:${(error as Error).message.split('\n')[0] ?? ''}` });
    return undefined;
  }
  // Staff read these messages: zod's own ones in Chinese too.
  const parsed = schema.safeParse(data, { error: LOCALE.localeError });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file: relative, field: describePath(data, issue.path), message: issue.message });
    }
    return undefined;
  }
  return parsed.data;
}

const LOCALE = zhCN();

/** Turns `[3, 'questions']` into `[3](id=legal-aid.where).questions` so staff find the entry. */
function describePath(data: unknown, issuePath: PropertyKey[]): string {
  if (issuePath.length === 0) return '(root)';
  const [first, ...rest] = issuePath;
  let head = `[${String(first)}]`;
  if (typeof first === 'number' && Array.isArray(data)) {
    const item = data[first] as { id?: unknown } | undefined;
    if (item && typeof item.id === 'string') head += `(id=${item.id})`;
  } else if (typeof first === 'string') {
    head = first;
  }
  return [head, ...rest.map(String)].join('.');
}

/** Reads a one-item-a-line list; `#` starts a comment. */
export function readLines(dir: string, relative: string, problems: KnowledgeProblem[]): string[] {
  try {
    return fs
      .readFileSync(path.join(dir, relative), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter(Boolean);
  } catch {
    problems.push({ file: relative, field: '(文件)', message: '文件不存在或读不出' });
    return [];
  }
}

/** Entry files, sorted so that load order (and ranking ties) never depend on the disk. */
export function listEntryFiles(dir: string, folder = 'entries'): string[] {
  const entriesDir = path.join(dir, folder);
  if (!fs.existsSync(entriesDir)) return [];
  return fs
    .readdirSync(entriesDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}
