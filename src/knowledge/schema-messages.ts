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

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** The message of one schema issue; zod's zh-CN locale for the codes the knowledge schemas never raise. */
export const knowledgeErrorMap: z.core.$ZodErrorMap = (issue: Issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '缺少这一项';
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
    case 'invalid_key': {
      const why = issue.issues[0]?.message;
      return why ? `这个键的写法不对:${why}` : '这个键的写法不对';
    }
    default:
      return LOCALE(issue);
  }
};
