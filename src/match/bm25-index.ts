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
    // Postings as typed arrays with each posting's BM25 factor (all but the IDF) computed once.
    const { k1, b } = this.params;
    for (const [token, list] of this.postings) {
      const docs = new Int32Array(list.length);
      const factors = new Float64Array(list.length);
      list.forEach(({ doc, tf }, i) => {
        const norm = k1 * (1 - b + (b * (this.lengths[doc] ?? 0)) / this.averageLength);
        docs[i] = doc;
        factors[i] = (tf * (k1 + 1)) / (tf + norm);
      });
      this.packed.set(token, { docs, factors });
    }
    this.postings.clear();
  }
  private readonly packed = new Map<string, { docs: Int32Array; factors: Float64Array }>();

  /** Number of indexed documents. */
  get size(): number {
    return this.ids.length;
  }

  /** True when some document contains the term. */
  has(term: string): boolean {
    return this.idfs.has(term);
  }

  /** How many documents hold `term`. */
  documentFrequency(term: string): number {
    return this.packed.get(term)?.docs.length ?? 0;
  }

  /** IDF of a term; unknown terms get {@link unknownIdf}. */
  idf(term: string): number {
    return this.idfs.get(term) ?? this.unknownIdf;
  }

  /** Scratch accumulators, one slot a document, reset after each search; `touched` lists the documents set. */
  private scoreOf?: Float64Array;
  private coveredOf?: Float64Array;
  private touched?: Int32Array;
  /** Position of each document's id in id order, so ties break as localeCompare would, without calling it. */
  private idRank?: Int32Array;

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
    const n = this.ids.length;
    if (!this.idRank) {
      const order = this.ids.map((id, doc) => ({ id, doc })).sort((x, y) => x.id.localeCompare(y.id));
      this.idRank = new Int32Array(n);
      order.forEach(({ doc }, rank) => ((this.idRank as Int32Array)[doc] = rank));
      this.scoreOf = new Float64Array(n);
      this.coveredOf = new Float64Array(n);
      // At most every document once: a typed array of them all, so a search allocates nothing
      // that grows with the knowledge base (a growing list cost ~135 KB a message at 10,000).
      this.touched = new Int32Array(n);
    }
    const scoreOf = this.scoreOf as Float64Array;
    const coveredOf = this.coveredOf as Float64Array;
    const idRank = this.idRank;
    const touched = this.touched as Int32Array;
    let count = 0;
    for (const term of unique) {
      const list = this.packed.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      const { docs, factors } = list;
      for (let i = 0; i < docs.length; i += 1) {
        const doc = docs[i] as number;
        if (coveredOf[doc] === 0) touched[count++] = doc;
        scoreOf[doc] = (scoreOf[doc] as number) + idf * (factors[i] as number);
        coveredOf[doc] = (coveredOf[doc] as number) + idf;
      }
    }
    // Keep the best `limit` in a small sorted array instead of sorting every touched document.
    const better = (x: number, y: number) =>
      (scoreOf[x] as number) > (scoreOf[y] as number) ||
      ((scoreOf[x] as number) === (scoreOf[y] as number) && (idRank[x] as number) < (idRank[y] as number));
    const top: number[] = [];
    for (let t = 0; t < count; t += 1) {
      const doc = touched[t] as number;
      if (top.length === limit && !better(doc, top[limit - 1] as number)) continue;
      let at = top.length === limit ? limit - 1 : top.length;
      while (at > 0 && better(doc, top[at - 1] as number)) {
        top[at] = top[at - 1] as number;
        at -= 1;
      }
      top[at] = doc;
    }
    const hits = top.map((doc) => ({ id: this.ids[doc] as string, score: scoreOf[doc] as number, coverage: (coveredOf[doc] as number) / totalIdf }));
    for (let t = 0; t < count; t += 1) {
      scoreOf[touched[t] as number] = 0;
      coveredOf[touched[t] as number] = 0;
    }
    return hits;
  }
}
