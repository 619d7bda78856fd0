/**
 * The one featurizer of the project's learned models (danger and intent): character n-grams of
 * the normalized text, whole words the segmenter found, and tags from the rules (danger
 * categories, vetoes) so the model learns how far to trust them. Features are strings, mapped to
 * ids by a vocabulary fixed at training; each example's features are weighted 1/√n so long
 * stories and short questions land on one scale.
 */

/** What the featurizer reads of one message. */
export interface FeatureInput {
  /** The normalized text (see read/normalize.ts). */
  text: string;
  /** Words of the text (the segmenter's), when the model uses them. */
  words?: readonly string[];
  /** Tags the rules put on the message (e.g. `haz:violence`, `veto:past`). */
  tags?: readonly string[];
}

export interface FeaturizeOptions {
  /** Character n-gram sizes, e.g. [1, 2, 3]. */
  ngrams: readonly number[];
}

/** Marks the start and end of a clause, so "打我" at a clause's end differs from inside one. */
const EDGE = '|';
/** Anything that is not a letter or a digit separates clauses for n-grams. */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** The feature strings of one message, each once. */
export function featurize(input: FeatureInput, options: FeaturizeOptions): string[] {
  const out = new Set<string>();
  for (const clause of input.text.split(SEPARATORS)) {
    if (clause === '') continue;
    const padded = `${EDGE}${clause}${EDGE}`;
    for (const n of options.ngrams) {
      // Unigrams without the edges (an edge alone says nothing); longer grams may hold one.
      const text = n === 1 ? clause : padded;
      for (let i = 0; i + n <= text.length; i += 1) out.add(`${n}:${text.slice(i, i + n)}`);
    }
  }
  for (const word of input.words ?? []) if (word.length > 1) out.add(`w:${word}`);
  for (const tag of input.tags ?? []) out.add(`t:${tag}`);
  return [...out];
}
