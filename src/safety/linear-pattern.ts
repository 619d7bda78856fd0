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

const HINTS: Array<[RegExp, string]> = [
  [/\(\?<?[=!]/, 'lookahead/lookbehind is not supported: e.g. write (?<!不)打紧 as (?:^|[^不])打紧'],
  [/\\[1-9]/, 'backreferences (\\1) are not supported'],
];

/**
 * Compiles one pattern for linear-time matching; `maxProgramSize` bounds what one editor's
 * pattern may cost (an alternation of already checked patterns may pass Infinity).
 * @throws Error saying what is wrong (invalid, unsupported syntax, too large).
 */
export function compileLinear(source: string, maxProgramSize = MAX_PROGRAM_SIZE): LinearPattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    const hint = HINTS.find(([test]) => test.test(source))?.[1];
    throw new Error(hint ?? `not a valid pattern for the linear-time engine (RE2): ${(error as Error).message}`, { cause: error });
  }
  const size = compiled.programSize();
  if (size > maxProgramSize) {
    throw new Error(`pattern too large (${size} RE2 instructions, at most ${maxProgramSize}): use smaller {m,n} counts`);
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
