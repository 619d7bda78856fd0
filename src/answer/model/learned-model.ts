/**
 * The learned second signal of understanding and safety, one model machinery for both: a
 * softmax regression over every entry and the reply kinds (emergency among them) reads a
 * message's features, and a small second head over the emergency categories says which danger
 * a message the model calls an emergency is about (110, 119 or 120 first). Both heads share the
 * featurizer, the vocabulary, the trainer and the snapshot.
 */
import { featurize, type FeatureInput } from './featurize.js';
import { predict, trainSoftmax, type SoftmaxModel } from './softmax-regression.js';
import type { LabelledText } from './training-data.js';
import { Vocabulary } from './vocabulary.js';

/** How the model is built; validated in knowledge/model.yaml, each with its reason there. */
export interface ModelSettings {
  ngrams: number[];
  words: boolean;
  minCount: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  prune: number;
  minGradient: number;
  keywordWeight: number;
}

/** What the model says about one message. */
export interface ModelReading {
  /** Probability per class, in {@link LearnedModel.classes} order (the model's own buffer: copy what must outlive the next call). */
  probabilities: Float64Array;
  /** Probability that the message tells of danger now. */
  danger: number;
  /** The emergency category the danger head prefers, when the model has one. */
  dangerKind?: string;
}

export interface LearnedModel {
  readonly classes: readonly string[];
  readonly kinds: readonly string[];
  read(input: FeatureInput): ModelReading;
  /** Everything needed to rebuild the model without training (see model-snapshot.ts). */
  readonly parts: ModelParts;
}

/** The trained state. */
export interface ModelParts {
  settings: ModelSettings;
  classes: string[];
  kinds: string[];
  features: string[];
  intent: SoftmaxModel;
  kind: SoftmaxModel;
}

/** A labelled text with its features (and, for a danger example, the rules' category), computed once. */
export interface FeaturedText {
  example: LabelledText;
  features: string[];
  kind?: string;
}

/**
 * Reads every example once: `read` turns a text into what the featurizer reads; `kindOf` names
 * the emergency category of a danger example (the rules' reading), or undefined. Measuring
 * leaves sets out of the same featured texts, so this runs once for all folds.
 */
export function featureTexts(
  examples: readonly LabelledText[],
  settings: ModelSettings,
  read: (text: string) => FeatureInput,
  kindOf: (text: string) => string | undefined,
): FeaturedText[] {
  return examples.map((example) => ({
    example,
    features: featuresOf(settings, read(example.text)),
    ...(example.labels.includes('emergency') ? { kind: kindOf(example.text) } : {}),
  }));
}

/** Trains both heads on featured texts; the same texts and settings always give the same model. */
export function trainFeatured(featured: readonly FeaturedText[], classes: readonly string[], kinds: readonly string[], settings: ModelSettings): LearnedModel {
  const vocabulary = Vocabulary.fromTraining(
    featured.map((item) => item.features),
    settings.minCount,
  );
  const classIndex = new Map(classes.map((name, index) => [name, index]));
  const kindIndex = new Map(kinds.map((name, index) => [name, index]));
  const train = {
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    l2: settings.l2,
    seed: settings.seed,
    prune: settings.prune,
    minGradient: settings.minGradient,
  };
  const intent = trainSoftmax(
    featured.map(({ example, features }) => ({
      features: vocabulary.idsOf(features),
      target: example.labels.map((label) => [classIndex.get(label) as number, 1 / example.labels.length] as const),
      weight: example.weight,
    })),
    { ...train, classes: classes.length, features: vocabulary.size },
  );
  const dangers = featured.flatMap(({ features, kind }) => {
    const index = kind === undefined ? undefined : kindIndex.get(kind);
    return index === undefined ? [] : [{ features: vocabulary.idsOf(features), target: [[index, 1] as const] }];
  });
  const kind = trainSoftmax(dangers, { ...train, classes: kinds.length, features: vocabulary.size });
  return modelFrom({ settings, classes: [...classes], kinds: [...kinds], features: vocabulary.list(), intent, kind });
}

/** The features of one message under `settings` (words only where the settings use them). */
function featuresOf(settings: ModelSettings, input: FeatureInput): string[] {
  return featurize(settings.words ? input : { ...input, words: undefined }, { ngrams: settings.ngrams });
}

/** A model from its trained parts (a fresh training or a snapshot). */
export function modelFrom(parts: ModelParts): LearnedModel {
  const vocabulary = Vocabulary.fromList(parts.features);
  const probabilities = new Float64Array(parts.classes.length);
  const kindScores = new Float64Array(parts.kinds.length);
  const emergency = parts.classes.indexOf('emergency');
  return {
    classes: parts.classes,
    kinds: parts.kinds,
    parts,
    read(input) {
      const ids = vocabulary.idsOf(featuresOf(parts.settings, input));
      predict(parts.intent, ids, probabilities);
      const danger = emergency >= 0 ? (probabilities[emergency] as number) : 0;
      if (parts.kinds.length === 0) return { probabilities, danger };
      predict(parts.kind, ids, kindScores);
      let best = 0;
      for (let k = 1; k < kindScores.length; k += 1) if ((kindScores[k] as number) > (kindScores[best] as number)) best = k;
      return { probabilities, danger, dangerKind: parts.kinds[best] };
    },
  };
}
