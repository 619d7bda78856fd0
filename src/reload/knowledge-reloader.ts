/**
 * Live knowledge updates: validate the knowledge directory, build a new engine and swap it
 * in whole. An invalid edit changes nothing: the old knowledge keeps serving and every
 * problem is logged as `file: field: message`. Reloads run one at a time; requests that
 * arrive while one is waiting to start join it.
 */
import path from 'node:path';
import type { Engine } from '../engine.js';
import { ErrorCodes } from '../errors.js';
import { briefProblems, formatProblem, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { saveKnowledgeSnapshot } from '../knowledge/open-knowledge.js';
import type { Logger } from '../logger.js';

/** What a reload did. */
export type ReloadOutcome =
  | { ok: true; topics: number; entries: number; ms: number }
  | { ok: false; problems: string[] };

export interface ReloaderOptions {
  knowledgeDir: string;
  logger: Logger;
  /** Builds the engine for validated knowledge (may load a new segmenter). */
  build(knowledge: KnowledgeBase): Promise<Engine>;
  /** Puts the new engine in service. */
  swap(engine: Engine): void;
  /** Where the knowledge snapshot of a valid reload is written for the next start; none when unset. */
  snapshotDir?: string;
}

export interface Reloader {
  /** Reloads now (or right after the reload under way); `reason` is logged (watch, SIGHUP, staff). */
  reload(reason: string): Promise<ReloadOutcome>;
}

/** Creates the reloader of one knowledge directory. */
export function createReloader(options: ReloaderOptions): Reloader {
  const { logger } = options;
  const dir = path.resolve(options.knowledgeDir);
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
    let checked;
    try {
      // The parser and the schemas load with the first reload, not with the bot.
      const { checkKnowledge } = await import('../knowledge/load-knowledge.js');
      checked = checkKnowledge(dir);
    } catch (error) {
      return refuse(reason, [`${dir}: (read): ${(error as Error).message}`]);
    }
    const { knowledge, problems } = checked;
    if (!knowledge) return refuse(reason, problems.map(formatProblem));
    let engine: Engine;
    try {
      engine = await options.build(knowledge);
    } catch (error) {
      return refuse(reason, [`(engine): ${(error as Error).message}`]);
    }
    options.swap(engine);
    if (options.snapshotDir && checked.files) saveKnowledgeSnapshot(options.snapshotDir, knowledge, checked.files, { logger });
    const outcome = {
      ok: true as const,
      topics: knowledge.topics.length,
      entries: knowledge.entries.length,
      ms: Math.round(performance.now() - started),
    };
    logger.info({ reason, topics: outcome.topics, entries: outcome.entries, ms: outcome.ms }, 'knowledge reloaded');
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
