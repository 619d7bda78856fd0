/**
 * The knowledge work that runs in a worker thread (knowledge-worker.ts), off the event loop
 * residents are answered on: checking the folder (as `check` does), a staff edit (a sample question written into its file, and the check of the
 * folder with it), and preparing a reload: telling whether the folder changed
 * at all since the knowledge in service was read, checking it, writing its snapshot, and
 * segmenting every text of it, so the thread that answers only builds the index from tokens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../answer/engine.js';
import { ensureDir } from '../../fs/ensure-dir.js';
import { formatProblem, type KnowledgeBase, type KnowledgeProblem } from '../../answer/knowledge/knowledge-base.js';
import { filesUnchanged, writeKnowledgeSnapshot } from '../../answer/knowledge/knowledge-snapshot.js';
import { checkKnowledge } from '../../answer/knowledge/load-knowledge.js';
import type { FileDigest } from '../../answer/knowledge/read-budget.js';
import type { Thresholds } from '../../answer/match/decide.js';
import { openTokenCache, tokenCacheOf, type TokenRow } from '../../answer/match/token-cache.js';
import { createSegmenter, type SegmenterName } from '../../answer/read/segment/segmenter.js';
import { withQuestion } from '../../answer/knowledge/yaml-question.js';
import type { ModelParts } from '../../answer/model/learned-model.js';
import { modelShapeOf, openModel, type ModelTraining } from '../../answer/model/open-model.js';

/** What the thread is asked. */
export type KnowledgeJob =
  | { op: 'check'; dir: string }
  | ({ op: 'plan-question'; dir: string } & QuestionRequest)
  | ({ op: 'prepare' } & PrepareRequest);

/** A reload's preparation: the folder, what serves now, and how the engine reads and learns. */
export interface PrepareRequest {
  dir: string;
  serving?: readonly FileDigest[];
  segmenter: SegmenterName;
  thresholds: Thresholds;
  snapshotDir?: string;
  /** The labelled sets the model learns from beside the knowledge (TRAINING_SETS_DIR). */
  trainingSetsDir?: string;
  /** The serving model's shape (open-model.ts): a knowledge base of another shape is trained for here. */
  servingModel?: string;
}

/** The outcome of a check: every problem; with none, the size of the knowledge base. */
export interface CheckSummary {
  problems: KnowledgeProblem[];
  topics?: number;
  entries?: number;
}

/** A sample question to add: to entry `entryId`'s list `field`, in `file` (relative to the folder). */
export interface QuestionRequest {
  file: string;
  entryId: string;
  field: 'questions' | 'situations';
  question: string;
}

/** The file before and after the question is added, and the problems of the folder with it; or why it cannot be added. */
export type QuestionPlan = { before: string; after: string; problems: KnowledgeProblem[] } | { reason: string };

/** What a reload can go on with. */
export type Prepared =
  | { kind: 'unchanged' }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'ready'; knowledge: KnowledgeBase; files: readonly FileDigest[]; tokens: TokenRow[]; notes: string[]; model?: ModelParts };

function check(dir: string): CheckSummary {
  const { knowledge, problems } = checkKnowledge(dir);
  return knowledge ? { problems, topics: knowledge.topics.length, entries: knowledge.entries.length } : { problems };
}

/** Checks a copy of `dir` with `file` replaced by `text`. */
function checkChanged(dir: string, file: string, text: string): CheckSummary {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-staff-edit-'));
  try {
    fs.cpSync(dir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, file), text);
    return check(copy);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

function planQuestion(dir: string, { file, entryId, field, question }: QuestionRequest): QuestionPlan {
  const before = fs.readFileSync(path.join(dir, file), 'utf8');
  const after = withQuestion(before, entryId, field, question);
  if (typeof after !== 'string') return after;
  return { before, after, problems: checkChanged(dir, file, after).problems };
}

async function prepare(job: Extract<KnowledgeJob, { op: 'prepare' }>): Promise<Prepared> {
  const dir = path.resolve(job.dir);
  if (job.serving && filesUnchanged(dir, job.serving)) return { kind: 'unchanged' };
  let checked;
  try {
    checked = checkKnowledge(dir);
  } catch (error) {
    return { kind: 'invalid', problems: [`${dir}: (read): ${(error as Error).message}`] };
  }
  const { knowledge, problems, files = [] } = checked;
  if (!knowledge) return { kind: 'invalid', problems: problems.map(formatProblem) };
  const notes: string[] = [];
  const { snapshotDir } = job;
  if (snapshotDir) {
    try {
      ensureDir(snapshotDir);
      if (!writeKnowledgeSnapshot(snapshotDir, knowledge, files)) notes.push('knowledge snapshot not written: its JSON form would differ');
    } catch (error) {
      notes.push(`knowledge snapshot not written: ${(error as Error).message}`);
    }
  }
  // The build here only works out every text's tokens (from the token cache where it can).
  const segmenter = await createSegmenter(job.segmenter, knowledge.domainWords);
  const tokens = snapshotDir ? openTokenCache(snapshotDir, knowledge, segmenter.name) : tokenCacheOf([]);
  // An entry added or removed changes the model's classes: the serving model cannot read the new
  // knowledge, so it is trained here (seconds of work) rather than on the thread that answers.
  let model: ModelParts | undefined;
  const learn = job.servingModel !== undefined && modelShapeOf(knowledge) !== job.servingModel
    ? (training: ModelTraining) => {
        const trained = openModel({ knowledge, training, labelledDir: job.trainingSetsDir, snapshotDir });
        model = trained.parts;
        return trained;
      }
    : undefined;
  createEngine(knowledge, segmenter, job.thresholds, undefined, tokens, learn);
  try {
    tokens.save();
  } catch (error) {
    notes.push(`token cache not written: ${(error as Error).message}`);
  }
  return { kind: 'ready', knowledge, files, tokens: tokens.rows(), notes, ...(model ? { model } : {}) };
}

/** Runs one job (in the worker thread). */
export async function runKnowledgeJob(job: KnowledgeJob): Promise<CheckSummary | Prepared | QuestionPlan> {
  if (job.op === 'prepare') return prepare(job);
  if (job.op === 'plan-question') return planQuestion(path.resolve(job.dir), job);
  return check(path.resolve(job.dir));
}
