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

/** BM25 parameters; the defaults are the usual ones. */
export interface Bm25Params {
  k1: number;
  b: number;
}

/** A growable list of numbers in a typed array (doubling). */
class Numbers<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(public items: T) {}
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new (this.items.constructor as new (n: number) => T)(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

export class Bm25Index {
  private readonly ids: string[] = [];
  private readonly lengths: Float64Array;
  /** Term → its id; a term's postings are `postingDoc/postingFactor[starts[id] .. starts[id + 1])`, documents in order. */
  private readonly termIds = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly postingDoc: Int32Array;
  /** Each posting's BM25 factor, all but the IDF, computed once. */
  private readonly postingFactor: Float64Array;
  private readonly idfs = new Map<string, number>();
  private readonly averageLength: number;
  /**
   * Weight of a term no document has. Above any known term's IDF on purpose: a question
   * full of words the knowledge base never uses is most likely about something else.
   */
  readonly unknownIdf: number;

  /**
   * Indexes `docs`, read once and in order (a generator may make each as it is read, so no
   * list of every document's tokens has to exist at once).
   */
  constructor(docs: Iterable<IndexInput>, private readonly params: Bm25Params = { k1: 1.2, b: 0.75 }) {
    // Every (term, document, tf) in document order; grouped by term below.
    const term = new Numbers(new Int32Array(1024));
    const doc = new Numbers(new Int32Array(1024));
    const tf = new Numbers(new Float64Array(1024));
    const lengths = new Numbers(new Float64Array(64));
    for (const input of docs) {
      const index = this.ids.length;
      this.ids.push(input.id);
      const tfs = new Map<string, number>();
      for (const { token, weight } of input.tokens) tfs.set(token, (tfs.get(token) ?? 0) + weight);
      let length = 0;
      for (const [token, count] of tfs) {
        length += count;
        let id = this.termIds.get(token);
        if (id === undefined) this.termIds.set(token, (id = this.termIds.size));
        term.push(id);
        doc.push(index);
        tf.push(count);
      }
      lengths.push(length);
    }
    const n = this.ids.length;
    this.lengths = lengths.items.slice(0, n);
    const total = this.lengths.reduce((sum, length) => sum + length, 0);
    this.averageLength = n > 0 ? total / n : 1;
    const terms = this.termIds.size;
    this.starts = new Int32Array(terms + 1);
    for (let i = 0; i < term.length; i += 1) this.starts[(term.items[i] as number) + 1] = (this.starts[(term.items[i] as number) + 1] as number) + 1;
    for (const [token, id] of this.termIds) {
      const df = this.starts[id + 1] as number;
      this.idfs.set(token, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
    for (let id = 0; id < terms; id += 1) this.starts[id + 1] = (this.starts[id + 1] as number) + (this.starts[id] as number);
    this.unknownIdf = UNKNOWN_TERM_FACTOR * Math.log(1 + (n + 0.5) / 0.5);
    const { k1, b } = this.params;
    this.postingDoc = new Int32Array(term.length);
    this.postingFactor = new Float64Array(term.length);
    const filled = this.starts.slice(0, terms);
    for (let i = 0; i < term.length; i += 1) {
      const at = (filled[term.items[i] as number] as number)++;
      const d = doc.items[i] as number;
      const count = tf.items[i] as number;
      const norm = k1 * (1 - b + (b * (this.lengths[d] ?? 0)) / this.averageLength);
      this.postingDoc[at] = d;
      this.postingFactor[at] = (count * (k1 + 1)) / (count + norm);
    }
  }

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
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.starts[id + 1] as number) - (this.starts[id] as number);
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
    const { starts, postingDoc, postingFactor } = this;
    for (const term of unique) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idf(term);
      for (let i = starts[id] as number, end = starts[id + 1] as number; i < end; i += 1) {
        const doc = postingDoc[i] as number;
        if (coveredOf[doc] === 0) touched[count++] = doc;
        scoreOf[doc] = (scoreOf[doc] as number) + idf * (postingFactor[i] as number);
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
