/** A long story's closing question: where residents usually put what they ask. */
import { clauseSpans } from '../read/clauses.js';

/**
 * The last clauses of a text, at least `chars` characters when the text has them. A last clause
 * that is itself longer than `runOn` (voice input has no punctuation) is cut to its last `chars`.
 */
export function lastClauses(text: string, chars: number, runOn = chars): string {
  const clauses = clauseSpans(text);
  const last = clauses.at(-1) ?? '';
  if (last.length > runOn) return last.slice(-chars);
  let tail = '';
  for (let i = clauses.length - 1; i >= 0 && tail.length < chars; i -= 1) tail = `${clauses[i]}${tail}`;
  return tail;
}
