/**
 * The honest figure of everything learned: for each labelled set, the model is trained without
 * it and the whole bot is measured on it. Sets the rules and the knowledge base were tuned to
 * still flatter the rules; the mean over sets is the headline, the fresh blind sets the check.
 */
import { createBot } from '../bot.js';
import { createEngine } from '../answer/engine.js';
import type { KnowledgeBase } from '../answer/knowledge/knowledge-base.js';
import { silentLogger } from '../logger.js';
import type { Thresholds } from '../answer/match/decide.js';
import { featureTexts, trainFeatured, type LearnedModel } from '../answer/model/learned-model.js';
import { modelTrainingFor } from '../answer/model-input.js';
import { trainingExamples, type ModelTraining } from '../answer/model/open-model.js';
import { labelledSetFiles, modelClasses, type LabelledText } from '../answer/model/training-data.js';
import { tokenCacheOf } from '../answer/match/token-cache.js';
import type { Segmenter } from '../answer/read/segment/segmenter.js';
import { isDialogueFile, readDialogues, readGoldSet } from '../answer/model/gold-files.js';
import { runDialogues, type DialogueReport } from './run-dialogues.js';
import { runEval, type EvalReport } from './run-eval.js';
import path from 'node:path';

/** One fold: the set left out and how the bot did on it. */
export type Fold = { set: string } & ({ kind: 'single'; report: EvalReport } | { kind: 'dialogues'; report: DialogueReport });

export interface LeaveOneSetOutOptions {
  knowledge: KnowledgeBase;
  segmenter: Segmenter;
  thresholds: Thresholds;
  labelledDir: string;
  /** Only these sets (file names without .yaml); every labelled set by default. */
  only?: readonly string[];
}

/** Every fold's figures: the bot's on the left-out set(s), and the model's own readings of their examples. */
export interface Measured {
  folds: Fold[];
  readings: HeldOutReading[];
}

/**
 * Runs every fold: each set of single questions is left out alone; the dialogue sets, which the
 * model learns only danger turns from, are left out together (one training for all of them).
 * Texts are read and segmented once for all folds.
 */
export async function leaveOneSetOut(options: LeaveOneSetOutOptions): Promise<Measured> {
  const { knowledge, segmenter, thresholds, labelledDir } = options;
  const tokens = tokenCacheOf([]);
  const training = modelTrainingFor(knowledge);
  const read = training.read;
  const settings = knowledge.matching.model;
  const classes = modelClasses(knowledge);
  const kinds = knowledge.emergency.categories.map((category) => category.id);
  const featured = featureTexts(trainingExamples(knowledge, labelledDir), settings, read, training.kindOf);
  const files = labelledSetFiles(labelledDir).filter((file) => !options.only || options.only.includes(path.basename(file, '.yaml')));
  const dialogueFiles = files.filter(isDialogueFile);
  const groups = [...files.filter((file) => !isDialogueFile(file)).map((file) => [file]), ...(dialogueFiles.length > 0 ? [dialogueFiles] : [])];
  const measured: Measured = { folds: [], readings: [] };
  for (const group of groups) {
    const left = new Set(group.map((file) => path.basename(file, '.yaml')));
    const model = trainFeatured(featured.filter((item) => !left.has(item.example.set)), classes, kinds, settings);
    for (const { example } of featured.filter((item) => left.has(item.example.set))) measured.readings.push(heldOut(model, example, read));
    const engine = createEngine(knowledge, segmenter, thresholds, undefined, tokens, () => model);
    const bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
    for (const file of group) {
      const set = path.basename(file, '.yaml');
      measured.folds.push(
        isDialogueFile(file)
          ? { set, kind: 'dialogues', report: await runDialogues(bot, readDialogues(file)) }
          : { set, kind: 'single', report: await runEval(bot, readGoldSet(file)) },
      );
    }
  }
  return measured;
}

/** How the model alone read one example it never saw. */
function heldOut(model: LearnedModel, example: LabelledText, read: ModelTraining['read']): HeldOutReading {
  const reading = model.read(read(example.text));
  let best = 0;
  reading.probabilities.forEach((p, k) => {
    if (p > (reading.probabilities[best] as number)) best = k;
  });
  const isDanger = example.labels.includes('emergency');
  return { set: example.set, danger: reading.danger, isDanger, ...(isDanger ? {} : { topRight: example.labels.includes(model.classes[best] as string) }) };
}

const share = (t: { total: number; correct: number }) => (t.total === 0 ? undefined : t.correct / t.total);
const pct = (value: number | undefined) => (value === undefined ? '    -' : `${(100 * value).toFixed(1).padStart(5)}%`);
const mean = (values: Array<number | undefined>) => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? undefined : known.reduce((a, b) => a + b, 0) / known.length;
};

/** The figures of each fold, one line each, and their means (the headline). */
export function formatFolds(folds: readonly Fold[]): string[] {
  const lines = ['leave-one-set-out (model trained without the set):', '  set                        answers declines emergency smalltalk  wrong   dialogues turns'];
  const cols: Record<string, Array<number | undefined>> = { answers: [], declines: [], emergency: [], smalltalk: [], wrong: [], dialogues: [], turns: [] };
  for (const fold of folds) {
    if (fold.kind === 'single') {
      const r = fold.report;
      const row = {
        answers: share(r.answers),
        declines: share(r.byCategory['out-of-scope']),
        emergency: share(r.byCategory.emergency),
        smalltalk: share(r.byCategory.smalltalk),
        wrong: r.answered.total === 0 ? undefined : 1 - r.answered.correct / r.answered.total,
      };
      for (const [key, value] of Object.entries(row)) cols[key]?.push(value);
      lines.push(`  ${fold.set.padEnd(26)} ${pct(row.answers)}  ${pct(row.declines)}  ${pct(row.emergency)}  ${pct(row.smalltalk)}  ${pct(row.wrong)}`);
    } else {
      const d = share(fold.report.dialogues);
      const t = share(fold.report.turns);
      cols.dialogues?.push(d);
      cols.turns?.push(t);
      lines.push(`  ${fold.set.padEnd(26)} ${' '.repeat(45)}${pct(d)}  ${pct(t)}`);
    }
  }
  const m = (key: string) => pct(mean(cols[key] ?? []));
  lines.push(`  ${'MEAN'.padEnd(26)} ${m('answers')}  ${m('declines')}  ${m('emergency')}  ${m('smalltalk')}  ${m('wrong')}  ${m('dialogues')}  ${m('turns')}`);
  return lines;
}

/** The model alone on a set it never saw: each example's danger probability and whether its top class was right. */
export interface HeldOutReading {
  set: string;
  danger: number;
  isDanger: boolean;
  /** For examples with a class to name: was the model's top class one of the labels. */
  topRight?: boolean;
}

/** Danger recall and false alarms of the model alone at a few thresholds, and its top-1 on the rest. */
export function formatHeldOut(readings: readonly HeldOutReading[]): string[] {
  const dangers = readings.filter((r) => r.isDanger);
  const others = readings.filter((r) => !r.isDanger);
  const named = others.filter((r) => r.topRight !== undefined);
  const lines = [
    `model alone, each set read by a model trained without it: ${dangers.length} dangers, ${others.length} others`,
    `  top-1 class right (not danger): ${((100 * named.filter((r) => r.topRight).length) / Math.max(1, named.length)).toFixed(1)}%`,
  ];
  for (const at of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
    const caught = dangers.filter((r) => r.danger >= at).length;
    const false_ = others.filter((r) => r.danger >= at).length;
    lines.push(`  danger at ${at.toFixed(1)}: recall ${((100 * caught) / Math.max(1, dangers.length)).toFixed(1)}%, false alarms ${false_}/${others.length} (${((100 * false_) / Math.max(1, others.length)).toFixed(2)}%)`);
  }
  return lines;
}
