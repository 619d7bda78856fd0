/** emergency.yaml's lists as RE2 programs (see linear-pattern.ts), compiled once and at first need. */
import { compileLinear, type LinearPattern } from '../read/linear-pattern.js';

export const NEVER: LinearPattern = { test: () => false };

/** One pattern for a list: each was checked on its own at load; their alternation may be larger than one. */
export function anyOf(patterns: readonly string[]): LinearPattern {
  return patterns.length === 0 ? NEVER : compileLinear(patterns.map((pattern) => `(?:${pattern})`).join('|'), Infinity);
}

/**
 * {@link anyOf}, compiled at its first test: a category's own lists are tried only after the union
 * of all says yes. Each pattern was checked on its own at load, so a late compile cannot fail.
 */
export function lazyAnyOf(patterns: readonly string[]): LinearPattern {
  let compiled: LinearPattern | undefined;
  return { test: (text) => (compiled ??= anyOf(patterns)).test(text) };
}

/** `compute(index)` worked out at most once per index. */
export function memo<T>(compute: (index: number) => T): (index: number) => T {
  const known: Array<T | undefined> = [];
  return (index) => (known[index] ??= compute(index)) as T;
}
