/** A long story's closing question: where residents usually put what they ask. */

/** The last clauses of a text, at least `chars` characters when the text has them. */
export function lastClauses(text: string, chars: number): string {
  const clauses = text.split(/(?<=[,.!?;。])/u).filter((clause) => /[\p{L}\p{N}]/u.test(clause));
  let tail = '';
  for (let i = clauses.length - 1; i >= 0 && tail.length < chars; i -= 1) tail = `${clauses[i]}${tail}`;
  return tail;
}
