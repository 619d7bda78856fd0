/**
 * What the schema check says to staff, in plain Chinese. zod's own zh-CN locale still speaks
 * in type names ("无效输入:期望 string,实际接收 undefined"); staff who edit the YAML need
 * "缺少这一项" or "应该是一段文字". Messages a schema gives itself win over these.
 */
import type { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

/** The kinds of YAML value, as staff would call them. */
const KINDS: Record<string, string> = {
  string: '一段文字',
  number: '数字',
  boolean: '是或否(true/false)',
  array: '列表',
  object: '“键: 值”的映射',
  date: '日期',
};

/** What the YAML held, for "应该是…,这里是…". */
function kindOf(input: unknown): string {
  if (input === null) return '空的';
  if (Array.isArray(input)) return KINDS.array as string;
  if (input instanceof Date) return KINDS.date as string;
  return KINDS[typeof input] ?? typeof input;
}

const LOCALE = zhCN().localeError;
/** Said of a required field that is not there. */
const MISSING = '缺少这一项';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** The message of one schema issue; zod's zh-CN locale for the codes the knowledge schemas never raise. */
export const knowledgeErrorMap: z.core.$ZodErrorMap = (issue: Issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return MISSING;
      const expected = KINDS[issue.expected] ?? issue.expected;
      return issue.input === null ? `这一项是空的,应该是${expected}` : `应该是${expected},这里是${kindOf(issue.input)}`;
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? '不能是空的' : `至少要有 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少要有 ${n} 项`;
      return `不能小于 ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `最多 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`;
      return `不能大于 ${n}`;
    }
    case 'invalid_value':
      return issue.values.length === 1 ? `只能是 ${String(issue.values[0])}` : `只能是 ${issue.values.map(String).join('、')} 之一`;
    case 'invalid_format':
      return '写法不对';
    case 'invalid_union':
      return `应该是${KINDS.string},这里是${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, issue.input, issue.inst);
    case 'invalid_key': {
      const why = issue.issues[0]?.message;
      return why ? `这个键的写法不对:${why}` : '这个键的写法不对';
    }
    default:
      return LOCALE(issue);
  }
};

/** The keys an object schema knows (its shape), in order. */
function knownKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/** Edit distance counting a swap of neighbours as one (titel → title). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The known key `key` is most likely a misspelling of, if any (two edits at most, and under half the word). */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const candidate of known) {
    const d = key.toLowerCase() === candidate.toLowerCase() ? 0.5 : distance(key, candidate);
    if (d <= 2 && d < key.length / 2 && (!best || d < best.d)) best = { key: candidate, d };
  }
  return best?.key;
}

/**
 * An unknown key, refused: a silently ignored one hid a misspelled `titel:` behind "title
 * missing", and a title cut at a comma in flow style ({ title: 甲,乙 } reads as title 甲 and a
 * key 乙 with no value) passed unchecked.
 */
function unknownKeys(keys: readonly string[], input: unknown, inst: unknown): string {
  const known = knownKeys(inst);
  const values = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  const said = keys.map((key) => {
    const near = closestKey(key, known);
    if (near) return `不认识的键“${key}”,是不是想写 ${near}?`;
    // A valueless key that is no word of the schema: most likely text cut off at a comma.
    const cut = values[key] === null && !/^[A-Za-z_]+$/.test(key);
    return `不认识的键“${key}”${cut ? '(若它是上一项文字的后半截:在 { } 里逗号会把文字切开,请给整个值加引号)' : ''}`;
  });
  const listed = known.length > 0 ? `。这里能写的键:${known.join('、')}` : '';
  return `${said.join(';')}${keys.some((key) => closestKey(key, known)) && keys.length === 1 ? '' : listed}`;
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((part, i) => part === b[i]);

/**
 * The issues in the order staff should read them: unknown keys first, and a field reported
 * missing left out where an unknown key beside it is its misspelling (`titel` for `title`:
 * the one fix mends both).
 */
export function orderIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const unknown = issues.filter((issue) => issue.code === 'unrecognized_keys');
  const explained = (issue: z.core.$ZodIssue) =>
    issue.code === 'invalid_type' &&
    issue.message === MISSING &&
    unknown.some((u) => samePath(u.path, issue.path.slice(0, -1)) && u.keys.some((key) => closestKey(key, [String(issue.path.at(-1))])));
  return [...unknown, ...issues.filter((issue) => issue.code !== 'unrecognized_keys' && !explained(issue))];
}

