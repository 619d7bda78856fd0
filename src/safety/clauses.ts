/**
 * Clauses of a normalized message: the scope in which a danger cue meets a presence cue or a
 * past marker. "他经常打我,现在又拿着刀在门口" is two clauses: the first is habitual, the
 * second happens now.
 */

/** Punctuation that ends a clause once the normalizer has made it half-width. */
const CLAUSE_END = /[,.!?;:、。~]+/;

/** The non-empty clauses in order; a message without punctuation is one clause. */
export function splitClauses(normalized: string): string[] {
  return normalized
    .split(CLAUSE_END)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}
