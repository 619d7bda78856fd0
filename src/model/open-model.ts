/**
 * The model an engine build uses: loaded from its snapshot when one was trained on exactly
 * these inputs, else trained here (about a second) and kept. Training reads the knowledge
 * base's texts and the labelled sets of `labelledDir`, minus a set left out for measuring it.
 */
import { ErrorCodes } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from '../logger.js';
import type { FeatureInput } from './featurize.js';
import { featureTexts, modelFrom, trainFeatured, type LearnedModel } from './learned-model.js';
import { readModelSnapshot, trainingKey, writeModelSnapshot } from './model-snapshot.js';
import { knowledgeExamples, labelledSetFiles, modelClasses, setExamples, type LabelledText } from './training-data.js';

/** How the engine reads a text for the model, and which danger a text tells (the rules' reading). */
export interface ModelTraining {
  read(text: string): FeatureInput;
  kindOf(text: string): string | undefined;
}

export interface OpenModelOptions {
  knowledge: KnowledgeBase;
  training: ModelTraining;
  /** Folder of labelled sets (test/gold); the knowledge base alone when missing. */
  labelledDir?: string;
  /** A set (file name without .yaml) trained without, to measure the model on it. */
  leaveOut?: string;
  /** Where the snapshot is kept (DATA_DIR/cache); nothing is kept when unset or leaving a set out. */
  snapshotDir?: string;
  logger?: Logger;
}

/** Every labelled text the model learns from, the left-out set excepted. */
export function trainingExamples(knowledge: KnowledgeBase, labelledDir?: string, leaveOut?: string): LabelledText[] {
  const classes = new Set(modelClasses(knowledge));
  const files = labelledDir ? labelledSetFiles(labelledDir) : [];
  return [
    ...knowledgeExamples(knowledge, knowledge.matching.model.keywordWeight),
    ...files.flatMap((file) => setExamples(file, classes)),
  ].filter((example) => example.set !== leaveOut);
}

/** The trained (or snapshot) model for `options`. */
export function openModel(options: OpenModelOptions): LearnedModel {
  const { knowledge, training, logger } = options;
  const settings = knowledge.matching.model;
  const classes = modelClasses(knowledge);
  const kinds = knowledge.emergency.categories.map((category) => category.id);
  const examples = trainingExamples(knowledge, options.labelledDir, options.leaveOut);
  const keep = options.leaveOut === undefined ? options.snapshotDir : undefined;
  const key = keep
    ? trainingKey({ examples, classes, kinds, settings, emergency: knowledge.emergency, synonyms: [...knowledge.synonyms] })
    : '';
  const kept = keep ? readModelSnapshot(keep, key) : undefined;
  if (kept) return modelFrom(kept);
  const model = trainFeatured(featureTexts(examples, settings, training.read, training.kindOf), classes, kinds, settings);
  if (keep) {
    try {
      writeModelSnapshot(keep, key, model.parts);
    } catch (error) {
      logger?.warn({ code: ErrorCodes.SNAPSHOT_FAILED, err: error, snapshotDir: keep }, 'learned model not kept; starts train it until it can be');
    }
  }
  return model;
}
