/**
 * The entry module of the knowledge worker thread: it answers the jobs of knowledge-jobs.ts.
 * Started by {@link openKnowledgeWorker}; imported anywhere else it does nothing.
 */
import { serveJobs } from '../concurrency/worker-thread.js';
import { runKnowledgeJob } from './knowledge-jobs.js';

serveJobs(runKnowledgeJob);
