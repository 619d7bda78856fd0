/**
 * The second matching signal: a multinomial naive Bayes classifier trained at load on every
 * entry's title, sample questions (a problem's situations) and keywords (its cues), over
 * jieba words and character bigrams. BM25 needs shared words; the classifier also learns
 * which words and character pairs a situation is told with ("不用来了", "辞了"), and how much
 * each says about an entry. Sparse postings keep scoring linear in the question's features.
 */
/** The training texts of one class, each with its weight. */
export type ClassTexts = ReadonlyArray<{ text: string; weight: number }>;

/** What the classifier says about a question. */
export interface Classification {
  /** Posterior probability per class (in the order the classes were trained). */
  posterior: Float64Array;
  /** Share of the question's features the model has seen, in [0, 1]. */
  known: number;
}

export interface Classifier {
  classify(features: readonly string[]): Classification;
}

export interface ClassifierOptions {
  /** Additive smoothing. */
  alpha: number;
  /** Sharpness of the posterior: the softmax runs over the mean log-likelihood times this. */
  sharpness: number;
  /** Weight of titles and keywords against one sample question. */
  nameWeight: number;
}

export const DEFAULT_CLASSIFIER: ClassifierOptions = { alpha: 0.05, sharpness: 6, nameWeight: 2 };

/** An entry's training texts: title and keywords weigh `nameWeight`, each sample question 1. */
export function entryTexts(
  entry: { title: string; keywords: readonly string[]; questions: readonly string[] },
  nameWeight: number,
): ClassTexts {
  return [
    { text: entry.title, weight: nameWeight },
    ...entry.keywords.map((text) => ({ text, weight: nameWeight })),
    ...entry.questions.map((text) => ({ text, weight: 1 })),
  ];
}

/** Character pairs of each run of Chinese characters, prefixed so they never meet a word. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]{2,}/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) out.push(`~${run.slice(i, i + 2)}`);
  }
  return out;
}

/** Trains one class per list of texts; `features` turns a text into its features (words and bigrams). */
export function trainClassifier(
  training: readonly ClassTexts[],
  features: (text: string) => string[],
  options: ClassifierOptions = DEFAULT_CLASSIFIER,
): Classifier {
  const classes = training.length;
  const counts = new Map<string, Map<number, number>>();
  const totals = new Float64Array(classes);
  const add = (text: string, c: number, weight: number) => {
    for (const feature of features(text)) {
      let row = counts.get(feature);
      if (!row) counts.set(feature, (row = new Map()));
      row.set(c, (row.get(c) ?? 0) + weight);
      totals[c] = (totals[c] ?? 0) + weight;
    }
  };
  training.forEach((texts, c) => {
    for (const { text, weight } of texts) add(text, c, weight);
  });
  const { alpha } = options;
  const logAlpha = Math.log(alpha);
  const logDenominator = Float64Array.from(totals, (total) => Math.log(total + alpha * counts.size));
  // Per feature: the classes that saw it and how much more likely it is there than unseen.
  const postings = new Map<string, { classes: Int32Array; gains: Float64Array }>();
  for (const [feature, row] of counts) {
    const ids = Int32Array.from(row.keys());
    postings.set(feature, { classes: ids, gains: Float64Array.from(ids, (c) => Math.log((row.get(c) ?? 0) + alpha) - logAlpha) });
  }
  const scores = new Float64Array(classes);

  return {
    classify(query) {
      let known = 0;
      scores.fill(0);
      for (const feature of query) {
        const posting = postings.get(feature);
        if (!posting) continue;
        known += 1;
        for (let i = 0; i < posting.classes.length; i += 1) {
          const c = posting.classes[i] as number;
          scores[c] = (scores[c] ?? 0) + (posting.gains[i] as number);
        }
      }
      const posterior = new Float64Array(classes);
      if (known === 0) return { posterior, known: 0 };
      let best = -Infinity;
      for (let c = 0; c < classes; c += 1) {
        // Mean log-likelihood of the known features, so long and short questions compare.
        const mean = ((scores[c] as number) + known * (logAlpha - (logDenominator[c] as number))) / known;
        posterior[c] = mean * options.sharpness;
        if ((posterior[c] as number) > best) best = posterior[c] as number;
      }
      let sum = 0;
      for (let c = 0; c < classes; c += 1) sum += posterior[c] = Math.exp((posterior[c] as number) - best);
      for (let c = 0; c < classes; c += 1) posterior[c] = (posterior[c] as number) / sum;
      return { posterior, known: known / query.length };
    },
  };
}

/** Indices of the `k` largest values, largest first. */
export function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    if (top.length < k || (values[i] ?? 0) > (values[top[top.length - 1] as number] ?? 0)) {
      top.push(i);
      top.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0));
      if (top.length > k) top.pop();
    }
  }
  return top;
}
