/**
 * Live knowledge updates: validate the knowledge directory, build a new engine and swap it
 * in whole. The check and the segmenting run in a worker thread (knowledge-jobs.ts); this
 * thread, which answers residents, only builds the index from the tokens it is handed and
 * swaps. A folder exactly as the knowledge in service was read from it (a watched save right
 * after a staff edit that already reloaded, a broadcast of a reload made here, a Redis
 * reconnect) builds nothing: one build per change. An invalid edit changes nothing: the old
 * knowledge keeps serving and every problem is logged as `file: field: message`. Reloads run
 * one at a time; requests that arrive while one is waiting to start join it.
 */
import path from 'node:path';
import type { Engine } from '../../answer/engine.js';
import { ErrorCodes } from '../../errors.js';
import { briefProblems, type KnowledgeBase } from '../../answer/knowledge/knowledge-base.js';
import type { FileDigest } from '../../answer/knowledge/read-budget.js';
import type { Logger } from '../../logger.js';
import type { Prepared } from './knowledge-jobs.js';

/** What a reload did; `unchanged` when the folder was exactly what is serving (nothing built). */
export type ReloadOutcome =
  | { ok: true; topics: number; entries: number; ms: number; unchanged?: boolean }
  | { ok: false; problems: string[] };

/** A folder checked and ready to build from. */
export type ReadyKnowledge = Extract<Prepared, { kind: 'ready' }>;

export interface ReloaderOptions {
  knowledgeDir: string;
  logger: Logger;
  /** Off this thread: whether the folder still is `serving`, else its check and the tokens of its texts. */
  prepare(serving: readonly FileDigest[] | undefined): Promise<Prepared>;
  /** Builds the engine of checked knowledge from its tokens (may load a new segmenter). */
  build(ready: ReadyKnowledge): Promise<Engine>;
  /** Puts the new engine in service. */
  swap(engine: Engine): void;
  /** The knowledge in service. */
  serving(): KnowledgeBase;
  /** Digests of the files the knowledge in service was read from, when known. */
  files?: readonly FileDigest[];
  /** Told when a reload begins its work (after any reload before it). */
  onStart?(reason: string): void;
}

export interface Reloader {
  /** Reloads now (or right after the reload under way); `reason` is logged (watch, SIGHUP, staff). */
  reload(reason: string): Promise<ReloadOutcome>;
}

/** Creates the reloader of one knowledge directory. */
export function createReloader(options: ReloaderOptions): Reloader {
  const { logger } = options;
  const dir = path.resolve(options.knowledgeDir);
  let files = options.files;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting: Promise<ReloadOutcome> | undefined;

  const refuse = (reason: string, problems: string[]): ReloadOutcome => {
    logger.error(
      { code: ErrorCodes.KNOWLEDGE_INVALID, reason, dir, count: problems.length, problems: briefProblems(problems) },
      `knowledge reload refused (${problems.length} problem(s)); the old knowledge keeps serving`,
    );
    return { ok: false, problems };
  };

  const reloadOnce = async (reason: string): Promise<ReloadOutcome> => {
    const started = performance.now();
    options.onStart?.(reason);
    let prepared: Prepared;
    try {
      prepared = await options.prepare(files);
    } catch (error) {
      return refuse(reason, [`${dir}: (check): ${(error as Error).message}`]);
    }
    const ms = () => Math.round(performance.now() - started);
    if (prepared.kind === 'invalid') return refuse(reason, prepared.problems);
    if (prepared.kind === 'unchanged') {
      const { topics, entries } = options.serving();
      logger.debug({ reason, ms: ms() }, 'knowledge folder unchanged since it was loaded; nothing to reload');
      return { ok: true, unchanged: true, topics: topics.length, entries: entries.length, ms: ms() };
    }
    for (const note of prepared.notes) logger.warn({ code: ErrorCodes.SNAPSHOT_FAILED, dir }, note);
    const building = performance.now();
    let engine: Engine;
    try {
      engine = await options.build(prepared);
    } catch (error) {
      return refuse(reason, [`(engine): ${(error as Error).message}`]);
    }
    options.swap(engine);
    files = prepared.files;
    const { knowledge } = prepared;
    const outcome = { ok: true as const, topics: knowledge.topics.length, entries: knowledge.entries.length, ms: ms() };
    logger.info({ reason, topics: outcome.topics, entries: outcome.entries, ms: outcome.ms, buildMs: Math.round(performance.now() - building) }, 'knowledge reloaded');
    return outcome;
  };

  return {
    reload(reason) {
      if (waiting) return waiting;
      const next = tail.then(() => {
        waiting = undefined;
        return reloadOnce(reason);
      });
      waiting = next;
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
