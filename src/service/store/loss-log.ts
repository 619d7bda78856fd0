/**
 * What the message store tells the log about records it could not write: those kept in the
 * spill file and those dropped (the queue full, the spill file unwritable), at most once per
 * interval (QLB_STORE_RECORDS_SPILLED, QLB_STORE_RECORDS_DROPPED), and the reckoning at
 * close: what waits in the spill file for the next start, and what is lost
 * (QLB_STORE_RECORDS_LOST, which makes `serve` exit non-zero).
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Spill } from './spill-file.js';
import type { Clock } from '../time/clock.js';
import type { WriteQueue } from './write-queue.js';

export interface LossLog {
  /** Logs the spilled and dropped since the last report, unless that was under an interval ago (or `force`). */
  report(force?: boolean): void;
  /** The log lines of a close: records spilled since the last report, and `lost`. */
  closed(lost: number, where: Record<string, unknown>): void;
}

export function createLossLog(options: { logger: Logger; queue: WriteQueue<unknown>; spill?: Spill; everyMs: number; clock: Clock }): LossLog {
  const { logger, queue, spill, clock } = options;
  const now = () => clock.now();
  let lastLog = 0;
  let spilledReported = 0;
  return {
    report(force = false) {
      if (!force && now() - lastLog < options.everyMs) return;
      if (spill && spill.spilled > spilledReported) {
        lastLog = now();
        const spilled = spill.spilled - spilledReported;
        logger.warn(
          { code: ErrorCodes.STORE_RECORDS_SPILLED, spilled, spilledTotal: spill.spilled, queued: queue.size },
          `message store queue full: ${spilled} record(s) kept in the spill file, written once the store takes them`,
        );
        spilledReported = spill.spilled;
      }
      const dropped = queue.takeDroppedSinceReport();
      if (dropped === 0) return;
      lastLog = now();
      logger.warn(
        { code: ErrorCodes.STORE_RECORDS_DROPPED, dropped, droppedTotal: queue.droppedTotal, queued: queue.size },
        `message store queue full: ${dropped} record(s) dropped`,
      );
    },
    closed(lost, where) {
      const spilled = spill ? spill.spilled - spilledReported : 0;
      if (spilled > 0) {
        logger.warn(
          { code: ErrorCodes.STORE_RECORDS_SPILLED, spilled, ...where },
          `message store closed with ${spilled} record(s) unwritten: kept in the spill file, written at the next start`,
        );
      }
      if (lost > 0) {
        logger.error(
          { code: ErrorCodes.STORE_RECORDS_LOST, lost, unwritten: queue.size, ...where },
          `message store closed with ${lost} record(s) lost: neither written nor kept in a spill file`,
        );
      }
    },
  };
}
