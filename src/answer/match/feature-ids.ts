/**
 * The classifier's features as small integers: a word by a map of strings, a character pair
 * by arithmetic on its two characters (no string made, none hashed). A question's features
 * are visited in the order the first version listed them, its words and then its pairs left
 * to right, so sums over them add up in the same order.
 */

/** CJK Unified Ideographs and Extension A: the characters pairs are made of. */
const LOW = 0x3400;
const HIGH = 0x9fff;
const SPAN = HIGH - LOW + 1;

/** What a feature is made from: its words and the (normalized) text its character pairs come from. */
export interface FeatureSource {
  words: readonly string[];
  text: string;
}

/** The pair key of the characters at `i` and `i + 1`, or -1 when either is not an ideograph. */
function pairAt(text: string, i: number): number {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return a >= LOW && a <= HIGH && b >= LOW && b <= HIGH ? (a - LOW) * SPAN + (b - LOW) : -1;
}

/** Feature ids, assigned in the order features are first seen. */
export class FeatureIds {
  private readonly words = new Map<string, number>();
  private readonly pairs = new Map<number, number>();

  /** Features with an id. */
  get size(): number {
    return this.words.size + this.pairs.size;
  }

  /** Calls `visit` with the id of each feature of `source`, in order, giving ids to unseen ones. */
  add(source: FeatureSource, visit: (id: number) => void): void {
    for (const word of source.words) {
      let id = this.words.get(word);
      if (id === undefined) this.words.set(word, (id = this.size));
      visit(id);
    }
    const { text } = source;
    for (let i = 0; i + 1 < text.length; i += 1) {
      const key = pairAt(text, i);
      if (key < 0) continue;
      let id = this.pairs.get(key);
      if (id === undefined) this.pairs.set(key, (id = this.size));
      visit(id);
    }
  }

  /** Calls `visit` with the id of each feature of `source` in order (-1 for unseen ones); returns how many features it has. */
  find(source: FeatureSource, visit: (id: number) => void): number {
    let count = source.words.length;
    for (const word of source.words) visit(this.words.get(word) ?? -1);
    const { text } = source;
    for (let i = 0; i + 1 < text.length; i += 1) {
      const key = pairAt(text, i);
      if (key < 0) continue;
      count += 1;
      visit(this.pairs.get(key) ?? -1);
    }
    return count;
  }
}
