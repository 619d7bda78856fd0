/**
 * The one definition of a clause, shared by safety (the scope in which a danger cue meets a
 * presence cue or a past marker) and matching (a long story's closing clauses). Text is
 * normalized first, so punctuation is half-width: "他经常打我,现在又拿着刀在门口" is two
 * clauses, the first habitual, the second happening now.
 */

/** Punctuation that ends a clause once the normalizer has made it half-width. */
const CLAUSE_END = /[,.!?;:、。~]+/u;
/** The same ends, kept with the clause before them. */
const AFTER_CLAUSE_END = /(?<=[,.!?;:、。~])(?![,.!?;:、。~])/u;
const HAS_CONTENT = /[\p{L}\p{N}]/u;

/** The non-empty clauses in order, without their punctuation; a message without punctuation is one clause. */
export function splitClauses(normalized: string): string[] {
  return normalized
    .split(CLAUSE_END)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

/** The clauses in order with the punctuation that ends each, so that joining them gives the text back. */
export function clauseSpans(text: string): string[] {
  return text.split(AFTER_CLAUSE_END).filter((clause) => HAS_CONTENT.test(clause));
}
