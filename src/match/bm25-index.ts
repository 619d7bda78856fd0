/**
 * Okapi BM25 over weighted token bags, with posting lists so a query touches only the
 * documents that share a term with it. Also reports, per document, the share of the query's
 * IDF weight it covers: the confidence measure that separated answers from misses best.
 */

/** A document to index: its id and weighted tokens (title words may count more). */
export interface IndexInput {
  id: string;
  tokens: Array<{ token: string; weight: number }>;
}

/** One scored document. */
export interface Hit {
  id: string;
  /** Raw BM25 score. */
  score: number;
  /** Share of the query's IDF weight found in this document, in [0, 1]. */
  coverage: number;
}

/** How much more an unknown term weighs than the rarest known one; tuned on the gold set. */
export const UNKNOWN_TERM_FACTOR = 1.5;

interface Posting {
  doc: number;
  tf: number;
}

/** BM25 parameters; the defaults are the usual ones. */
export interface Bm25Params {
  k1: number;
  b: number;
}

export class Bm25Index {
  private readonly ids: string[];
  private readonly lengths: Float64Array;
  private readonly postings = new Map<string, Posting[]>();
  private readonly idfs = new Map<string, number>();
  private readonly averageLength: number;
  /**
   * Weight of a term no document has. Above any known term's IDF on purpose: a question
   * full of words the knowledge base never uses is most likely about something else.
   */
  readonly unknownIdf: number;

  constructor(docs: IndexInput[], private readonly params: Bm25Params = { k1: 1.2, b: 0.75 }) {
    this.ids = docs.map((doc) => doc.id);
    this.lengths = new Float64Array(docs.length);
    docs.forEach((doc, index) => {
      const tfs = new Map<string, number>();
      for (const { token, weight } of doc.tokens) tfs.set(token, (tfs.get(token) ?? 0) + weight);
      let length = 0;
      for (const [token, tf] of tfs) {
        length += tf;
        let list = this.postings.get(token);
        if (!list) this.postings.set(token, (list = []));
        list.push({ doc: index, tf });
      }
      this.lengths[index] = length;
    });
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = docs.length > 0 ? total / docs.length : 1;
    const n = docs.length;
    for (const [token, list] of this.postings) {
      this.idfs.set(token, Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5)));
    }
    this.unknownIdf = UNKNOWN_TERM_FACTOR * Math.log(1 + (n + 0.5) / 0.5);
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.ids.length;
  }

  /** True when some document contains the term. */
  has(term: string): boolean {
    return this.postings.has(term);
  }

  /** IDF of a term; unknown terms get {@link unknownIdf}. */
  idf(term: string): number {
    return this.idfs.get(term) ?? this.unknownIdf;
  }

  /**
   * Scores every document sharing a term with the query; best first, at most `limit`.
   * `unknownWeight` scales what unknown terms weigh in the coverage (1 = {@link unknownIdf}).
   */
  search(terms: readonly string[], limit = 10, unknownWeight = 1): Hit[] {
    const unique = [...new Set(terms)];
    const totalIdf = unique.reduce(
      (sum, term) => sum + (this.idfs.get(term) ?? this.unknownIdf * unknownWeight),
      0,
    );
    if (totalIdf === 0) return [];
    const scores = new Map<number, { score: number; covered: number }>();
    const { k1, b } = this.params;
    for (const term of unique) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * (this.lengths[doc] ?? 0)) / this.averageLength);
        const entry = scores.get(doc) ?? { score: 0, covered: 0 };
        entry.score += (idf * (tf * (k1 + 1))) / (tf + norm);
        entry.covered += idf;
        scores.set(doc, entry);
      }
    }
    return [...scores]
      .map(([doc, { score, covered }]) => ({ id: this.ids[doc] as string, score, coverage: covered / totalIdf }))
      .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
      .slice(0, limit);
  }
}
