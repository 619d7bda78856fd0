/**
 * The second matching signal: a multinomial naive Bayes classifier trained at load on every
 * entry's title, sample questions (a problem's situations) and keywords (its cues), over
 * jieba words and character bigrams. BM25 needs shared words; the classifier also learns
 * which words and character pairs a situation is told with ("不用来了", "辞了"), and how much
 * each says about an entry. Sparse postings keep scoring linear in the question's features.
 */
import { runSteps, type Steps } from './build-in-steps.js';
import { createClassCounts, type Postings } from './class-counts.js';
import { FeatureIds, type FeatureSource } from './feature-ids.js';
import { createPosterior } from './posterior.js';

export type { FeatureSource } from './feature-ids.js';

/** The training texts of one class, each with its weight. */
export type ClassTexts = ReadonlyArray<{ text: string; weight: number }>;

/** What the classifier says about a question. */
export interface Classification {
  /** Posterior probability per class (in the order the classes were trained). */
  posterior: Float64Array;
  /** Share of the question's features the model has seen, in [0, 1]. */
  known: number;
  /** With `best`: {@link topIndices} of the posterior for it, picked while the posterior was written. */
  top: number[];
}

/** The `k` classes of highest posterior among the first `among` to pick along (see {@link topIndices}). */
export interface BestClasses {
  k: number;
  among: number;
}

export interface Classifier {
  /**
   * Classifies a question by its words and the character pairs of its text. The posterior's
   * array is the classifier's own and is overwritten by the next call: copy what must outlive it.
   */
  classify(question: FeatureSource, best?: BestClasses): Classification;
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

/** Character pairs of each run of Chinese characters, prefixed so they never meet a word (for reading; the classifier counts them as numbers). */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff]{2,}/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i += 1) out.push(`~${run.slice(i, i + 2)}`);
  }
  return out;
}

/**
 * Trains one class per list of texts; `features` turns a text into its words and the text its
 * character pairs come from. Counts go into flat typed arrays (one slot per feature and class
 * that saw it), then into one compressed posting table: at 10,000 entries a map of maps per
 * feature took seconds and hundreds of megabytes of garbage. A feature's posting lists its
 * classes in training order and every sum runs in the first version's order, so the model is
 * the same number for number.
 */
export function trainClassifier(
  training: readonly ClassTexts[],
  features: (text: string) => FeatureSource,
  options: ClassifierOptions = DEFAULT_CLASSIFIER,
): Classifier {
  return runSteps(trainClassifierSteps(training, features, options));
}

/** Classes counted in one step of {@link trainClassifierSteps}. */
const CLASSES_PER_STEP = 16;

/** {@link trainClassifier} in steps of {@link CLASSES_PER_STEP} classes (see build-in-steps.ts). */
export function* trainClassifierSteps(
  training: readonly ClassTexts[],
  features: (text: string) => FeatureSource,
  options: ClassifierOptions = DEFAULT_CLASSIFIER,
): Steps<Classifier> {
  const classes = training.length;
  const ids = new FeatureIds();
  const { alpha } = options;
  const logAlpha = Math.log(alpha);
  const { totals, postings } = yield* countFeatures(training, features, ids, (count) => Math.log(count + alpha) - logAlpha);
  const logDenominator = Float64Array.from(totals, (total) => Math.log(total + alpha * ids.size));
  const { starts, classOf, gainOf } = postings;
  const scores = new Float64Array(classes);
  const posterior = new Float64Array(classes);
  let known = 0;
  const score = (f: number) => {
    if (f < 0) return;
    known += 1;
    for (let i = starts[f] as number, end = starts[f + 1] as number; i < end; i += 1) {
      const c = classOf[i] as number;
      scores[c] = (scores[c] as number) + (gainOf[i] as number);
    }
  };

  const softmax = createPosterior(logDenominator, logAlpha, options.sharpness);

  return {
    classify(question, best) {
      known = 0;
      // Scores are all 0 here: the softmax sets them back after each question.
      const count = ids.find(question, score);
      if (known === 0) {
        posterior.fill(0);
        return { posterior, known: 0, top: best ? topIndices(posterior, best.k, best.among) : [] };
      }
      const top: number[] = [];
      softmax.compute(scores, known, posterior, best && { ...best, into: top });
      return { posterior, known: known / count, top };
    },
  };
}

/**
 * The counting pass, in a function of its own: its closures would otherwise share a scope
 * with the classifier's and keep the counting arrays (tens of MB at 10,000 entries) alive.
 */
function* countFeatures(
  training: readonly ClassTexts[],
  features: (text: string) => FeatureSource,
  ids: FeatureIds,
  gain: (count: number) => number,
): Steps<{ totals: Float64Array; postings: Postings }> {
  const totals = new Float64Array(training.length);
  const counts = createClassCounts();
  for (let c = 0; c < training.length; c += 1) {
    if (c > 0 && c % CLASSES_PER_STEP === 0) yield;
    for (const { text, weight } of training[c] as ClassTexts) {
      ids.add(features(text), (f) => {
        counts.count(f, c, weight);
        totals[c] = (totals[c] as number) + weight;
      });
    }
  }
  yield;
  return { totals, postings: counts.pack(ids.size, gain) };
}

/**
 * Indices of the `k` largest of the first `length` values, largest first; ties in index order.
 * Each index goes in after every kept one at least as large (what a stable sort of the list
 * with it appended gives, without sorting).
 */
export function topIndices(values: Float64Array, k: number, length = values.length): number[] {
  const top: number[] = [];
  for (let i = 0; i < length; i += 1) {
    const value = values[i] ?? 0;
    if (top.length < k || value > (values[top[top.length - 1] as number] ?? 0)) {
      let at = top.length;
      while (at > 0 && (values[top[at - 1] as number] ?? 0) < value) at -= 1;
      top.splice(at, 0, i);
      if (top.length > k) top.pop();
    }
  }
  return top;
}
