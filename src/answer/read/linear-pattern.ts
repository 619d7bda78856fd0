/**
 * Knowledge-editor patterns (emergency.yaml) run on RE2 (re2js, a pure-JS port): matching
 * time grows linearly with the message whatever the pattern, so one careless edit such as
 * `([^,。]*)*打我` cannot freeze the bot. RE2 has no lookaround and no backreferences; such a
 * pattern is refused with a hint, like any invalid one.
 */
import { RE2JS } from 're2js';

/** A compiled pattern: only `test` is needed by the pipeline. */
export interface LinearPattern {
  test(text: string): boolean;
}

/**
 * Largest compiled program accepted for one pattern (RE2 instructions). Matching stays
 * linear either way; this keeps its constant small (`.{0,1000}` alone is about 2,000; the
 * shipped patterns are under 70 each).
 */
export const MAX_PROGRAM_SIZE = 1_000;

/** Syntax RE2 lacks, told in plain words with a way round it (staff read these in `check`). */
const HINTS: Array<[RegExp, string]> = [
  [/\(\?<?[=!]/, '不支持前后查看的写法 (?= (?! (?<= (?<!:例如把 (?<!不)打紧 改写成 (?:^|[^不])打紧'],
  [/\\[1-9]/, '不支持反向引用(\\1 这类写法):请把要重复的文字直接再写一遍'],
];

/** RE2's syntax errors (re2js `RE2JSSyntaxException.error`), in Chinese; others are shown as RE2 gives them. */
const SYNTAX_ERRORS: Record<string, string> = {
  'invalid character class range': '方括号里的字符范围不对',
  'invalid escape sequence': '反斜杠转义的写法不对',
  'invalid named capture': '命名分组的写法不对',
  'invalid or unsupported Perl syntax': '以 (? 开头的写法不对或不支持',
  'invalid nested repetition operator': '重复符号连在一起了(如 ** 或 +*)',
  'invalid repeat count': '重复次数不对({m,n} 最多 1000,m 不能大于 n)',
  'missing closing ]': '缺少右方括号 ]',
  'missing closing )': '缺少右括号 )',
  'missing argument to repetition operator': '重复符号(* + ? {n})前面没有要重复的内容',
  'trailing backslash at end of expression': '末尾多了一个反斜杠 \\',
  'duplicate capture group name': '分组名重复了',
  'unexpected )': '多了一个右括号 )',
  'expression nests too deeply': '括号套得太深',
  'expression too large': '表达式太大',
};

/** Why RE2 refused `error`, in Chinese, with the part it pointed at. */
function syntaxError(error: unknown): string {
  const { error: kind, input, message } = error as { error?: unknown; input?: unknown; message?: string };
  const said = (typeof kind === 'string' && SYNTAX_ERRORS[kind]) || (typeof kind === 'string' ? kind : (message ?? String(error)));
  return typeof input === 'string' && input !== '' ? `${said}:「${input}」` : said;
}

/**
 * Compiles one pattern for linear-time matching; `maxProgramSize` bounds what one editor's
 * pattern may cost (an alternation of already checked patterns may pass Infinity).
 * @throws Error saying, in Chinese for staff, what is wrong (invalid, unsupported syntax, too large).
 */
export function compileLinear(source: string, maxProgramSize = MAX_PROGRAM_SIZE): LinearPattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    const hint = HINTS.find(([test]) => test.test(source))?.[1];
    throw new Error(hint ?? `不是 RE2 引擎能用的正则表达式:${syntaxError(error)}`, { cause: error });
  }
  const size = compiled.programSize();
  if (size > maxProgramSize) {
    throw new Error(`表达式太大(编译后有 ${size} 条 RE2 指令,最多 ${maxProgramSize} 条):请把 {m,n} 里的次数改小`);
  }
  return { test: (text) => compiled.test(text) };
}

/** The problem with a pattern, or undefined when it compiles within the limits. */
export function linearPatternProblem(source: string): string | undefined {
  try {
    compileLinear(source);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
