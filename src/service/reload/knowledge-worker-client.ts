/**
 * The answering thread's side of the knowledge worker: checks and reload preparations sent to
 * the worker thread (knowledge-jobs.ts), so a staff edit, 重新加载, a watched save or another
 * instance's broadcast never holds up residents for the check and the segmenting.
 */
import { workerThread } from '../concurrency/worker-thread.js';
import type { CheckSummary, KnowledgeJob, Prepared, PrepareRequest, QuestionPlan, QuestionRequest } from './knowledge-jobs.js';

export type { CheckSummary, Prepared, QuestionPlan, QuestionRequest } from './knowledge-jobs.js';

export interface KnowledgeWorker {
  /** The check of folder `dir` (as `legal-bot check`). */
  check(dir: string): Promise<CheckSummary>;
  /** The file of `dir` with a sample question added, and the check of the folder with it. */
  planQuestion(dir: string, request: QuestionRequest): Promise<QuestionPlan>;
  /** Tells whether `dir` still is `serving`, else checks it and works out what a build needs. */
  prepare(request: PrepareRequest): Promise<Prepared>;
  /** Done with the thread (it ends once no one in the process uses it). */
  close(): Promise<void>;
}

/** The knowledge worker of this process (one thread, shared, started with the first job). */
export function openKnowledgeWorker(): KnowledgeWorker {
  const jobs = workerThread<KnowledgeJob, CheckSummary | Prepared | QuestionPlan>(new URL('./knowledge-worker.js', import.meta.url));
  return {
    check: async (dir) => (await jobs.run({ op: 'check', dir })) as CheckSummary,
    planQuestion: async (dir, request) => (await jobs.run({ op: 'plan-question', dir, ...request })) as QuestionPlan,
    prepare: async (request) => (await jobs.run({ op: 'prepare', ...request })) as Prepared,
    close: () => jobs.close(),
  };
}
