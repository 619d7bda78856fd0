/**
 * The model an engine build uses: loaded from its snapshot when one was trained on exactly
 * these inputs, else trained here (about a second) and kept. Training reads the knowledge
 * base's texts and the labelled sets of `labelledDir`, minus a set left out for measuring it.
 */
import path from 'node:path';
import { ErrorCodes } from '../../errors.js';
import { packageRoot } from '../../paths.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Logger } from 'pino';
import type { FeatureInput } from './featurize.js';
import { featureTexts, modelFrom, trainFeatured, type LearnedModel, type ModelParts } from './learned-model.js';
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
  /**
   * Where `npm run build` left the model of the package's own knowledge base and sets
   * (dist/model), read when the snapshot folder has none: a fresh DATA_DIR does not train.
   */
  prebuiltDir?: string;
  logger?: Logger;
  /**
   * The model serving now (a reload): used as it is when no snapshot fits and its classes,
   * categories and settings are the same, so a staff edit never waits for a training. It reads
   * the edited entries' new sample questions only after a retraining (the next start).
   */
  serving?: LearnedModel;
  /** A model trained elsewhere on exactly this knowledge (the knowledge worker thread, at a reload): used as it is. */
  trained?: ModelParts;
}

/** What must stay the same for a model to serve another knowledge base: classes, categories, settings. */
export function modelShapeOf(knowledge: KnowledgeBase): string {
  return shapeKey(modelClasses(knowledge), knowledge.emergency.categories.map((category) => category.id), knowledge.matching.model);
}

const shapeKey = (classes: readonly string[], kinds: readonly string[], settings: ModelParts['settings']) => JSON.stringify([classes, kinds, settings]);

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
  if (options.trained) return modelFrom(options.trained);
  const settings = knowledge.matching.model;
  const classes = modelClasses(knowledge);
  const kinds = knowledge.emergency.categories.map((category) => category.id);
  const examples = trainingExamples(knowledge, options.labelledDir, options.leaveOut);
  const keep = options.leaveOut === undefined ? options.snapshotDir : undefined;
  const key = keep
    ? trainingKey({ examples, classes, kinds, settings, emergency: knowledge.emergency, hazards: knowledge.hazards, synonyms: [...knowledge.synonyms] })
    : '';
  const prebuilt = options.prebuiltDir ?? path.join(packageRoot(), 'dist', 'model');
  const kept = keep ? (readModelSnapshot(keep, key) ?? readModelSnapshot(prebuilt, key)) : undefined;
  if (kept) return modelFrom(kept);
  const { serving } = options;
  if (serving && sameShape(serving, classes, kinds, settings)) {
    logger?.info('learned model: the serving one is kept for this reload; it is retrained at the next start');
    return serving;
  }
  const started = performance.now();
  const model = trainFeatured(featureTexts(examples, settings, training.read, training.kindOf), classes, kinds, settings);
  logger?.info({ classes: classes.length, ms: Math.round(performance.now() - started) }, 'learned model trained');
  if (keep) {
    try {
      writeModelSnapshot(keep, key, model.parts);
    } catch (error) {
      logger?.warn({ code: ErrorCodes.SNAPSHOT_FAILED, err: error, snapshotDir: keep }, 'learned model not kept; starts train it until it can be');
    }
  }
  return model;
}

/** True when `model` speaks of exactly these classes and categories and was built with these settings. */
function sameShape(model: LearnedModel, classes: readonly string[], kinds: readonly string[], settings: LearnedModel['parts']['settings']): boolean {
  return shapeKey(model.classes, model.kinds, model.parts.settings) === shapeKey(classes, kinds, settings);
}
