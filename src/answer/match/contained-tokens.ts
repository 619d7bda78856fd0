/**
 * Drops unknown tokens that are parts of longer tokens of the same question: in search mode
 * jieba emits 七十多 / 七十 / 十多, one unknown idea that must not weigh three times. Linear in
 * the number of tokens (the pairwise check it replaces took ~30 s on 100,000 characters).
 */

/** Unknown tokens longer than this are kept even inside a longer token (search mode never splits such runs). */
export const MAX_INNER_CHARS = 16;

/** `raw` without the unknown tokens (per `isKnown`) found inside a longer token of `raw`; order kept. */
export function dropContainedUnknowns(raw: readonly string[], isKnown: (token: string) => boolean): string[] {
  const unknown = new Set(raw.filter((token) => token.length <= MAX_INNER_CHARS && !isKnown(token)));
  if (unknown.size === 0) return [...raw];
  const lengths = [...new Set([...unknown].map((token) => token.length))].sort((a, b) => a - b);
  const contained = new Set<string>();
  for (const word of new Set(raw)) {
    for (const length of lengths) {
      if (length >= word.length) break;
      for (let at = 0; at + length <= word.length; at += 1) {
        const part = word.slice(at, at + length);
        if (unknown.has(part)) contained.add(part);
      }
    }
  }
  return raw.filter((token) => !contained.has(token));
}
