/**
 * A record on its way to the database, as both engines queue it and as the spill file keeps
 * it: the record with a random id. The id is what makes writing a record twice harmless (a
 * chunk whose commit reply was lost, a spill file replayed again after a crash): the tables
 * keep it unique and inserts skip an id they already hold.
 */
import { randomUUID } from 'node:crypto';
import type { FeedbackRecord, MessageRecord } from './message-store.js';

/** A record waiting to be written. */
export type QueuedRecord = { uid: string } & ({ type: 'message'; record: MessageRecord } | { type: 'feedback'; record: FeedbackRecord });

/** A handled message, queued with a fresh id. */
export const queuedMessage = (record: MessageRecord): QueuedRecord => ({ uid: randomUUID(), type: 'message', record });

/** A 👍 / 👎, queued with a fresh id. */
export const queuedFeedback = (record: FeedbackRecord): QueuedRecord => ({ uid: randomUUID(), type: 'feedback', record });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isText = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, test: (v: unknown) => boolean) => value === undefined || test(value);

/** True when `record` has the fields of a stored message. */
function isMessage(record: Record<string, unknown>): boolean {
  return (
    isNumber(record.at) && isText(record.adapter) && isText(record.conversation) && isText(record.kind) && isNumber(record.latencyMs) &&
    optional(record.topic, isText) && optional(record.entry, isText) && optional(record.score, isNumber) && optional(record.question, isText)
  );
}

/** True when `record` has the fields of a stored 👍 / 👎. */
function isFeedback(record: Record<string, unknown>): boolean {
  return (
    isNumber(record.at) && isText(record.adapter) && isText(record.conversation) && typeof record.useful === 'boolean' &&
    optional(record.entry, isText) && optional(record.question, isText)
  );
}

/** A line of a spill file read back; undefined when it is not one (a line cut short by a crash, a damaged file). */
export function parseQueuedRecord(line: string): QueuedRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { uid, type, record } = value as { uid?: unknown; type?: unknown; record?: unknown };
  if (!isText(uid) || !UUID.test(uid) || typeof record !== 'object' || record === null) return undefined;
  const fields = record as Record<string, unknown>;
  if (type === 'message' && isMessage(fields)) return { uid, type, record: fields as unknown as MessageRecord };
  if (type === 'feedback' && isFeedback(fields)) return { uid, type, record: fields as unknown as FeedbackRecord };
  return undefined;
}
