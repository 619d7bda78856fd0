/**
 * A message store whose conversations are hashed with the deployment's salt
 * ({@link DeploymentSalt}), whatever the engine under it. While that salt is not known yet,
 * records are held here (bounded, drops counted) under provisional hashes that only this
 * process can map back to their conversations; once it is known they go to the engine under
 * the deployment's hashes, so nothing is written under a salt that would diverge. A salt
 * adopted later applies to records from then on.
 */
import { randomBytes } from 'node:crypto';
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { DeploymentSalt } from './deployment-salt.js';
import { saltedHash, type FeedbackRecord, type MessageRecord, type MessageStore } from './message-store.js';

export interface SaltedStoreOptions {
  /** The engine (SQLite, PostgreSQL); its own hashing is not used. */
  store: MessageStore;
  salt: DeploymentSalt;
  logger: Logger;
  /** Records held at most while the salt is not known (default 10,000, as the engines' queues). */
  maxHeld?: number;
}

type Held = { type: 'message'; record: MessageRecord } | { type: 'feedback'; record: FeedbackRecord };

/** Provisional hashes say so, so a log line written while waiting is not taken for a deployment hash. */
const PROVISIONAL = 'pending-';

export function createSaltedStore(options: SaltedStoreOptions): MessageStore {
  const { store, salt, logger } = options;
  const maxHeld = options.maxHeld ?? 10_000;
  const processSalt = randomBytes(16).toString('hex');
  let held: Held[] = [];
  let keys = new Map<string, string>();
  /** Dropped since start, and since the last log line. */
  let dropped = 0;
  let unreported = 0;

  const provisional = (key: string) => {
    const hash = `${PROVISIONAL}${saltedHash(processSalt, key)}`;
    if (keys.size < maxHeld) keys.set(hash, key);
    return hash;
  };
  const hold = (item: Held) => {
    if (held.length < maxHeld) return void held.push(item);
    dropped += 1;
    unreported += 1;
  };
  /** Hands what was held to the engine under the deployment's hashes. */
  const release = () => {
    const items = held;
    const known = keys;
    held = [];
    keys = new Map();
    let lost = 0;
    for (const item of items) {
      const key = known.get(item.record.conversation);
      const conversation = key === undefined ? undefined : salt.hash(key);
      if (conversation === undefined) lost += 1;
      else if (item.type === 'message') store.recordMessage({ ...item.record, conversation });
      else store.recordFeedback({ ...item.record, conversation });
    }
    dropped += lost;
    unreported += lost;
    if (unreported > 0) logger.warn({ code: ErrorCodes.STORE_RECORDS_DROPPED, dropped: unreported }, `${unreported} record(s) made while waiting for the conversation salt were dropped (too many to hold)`);
    unreported = 0;
  };
  salt.onChange(() => {
    if (held.length > 0 || unreported > 0) release();
  });

  const waiting = () => salt.value === undefined;
  return {
    hashConversation: (key) => salt.hash(key) ?? provisional(key),
    recordMessage: (record) => (waiting() ? hold({ type: 'message', record }) : store.recordMessage(record)),
    recordFeedback: (record) => (waiting() ? hold({ type: 'feedback', record }) : store.recordFeedback(record)),
    async flush() {
      const written = await store.flush();
      return written && held.length === 0;
    },
    purge: (before) => store.purge(before),
    async close() {
      if (held.length > 0) logger.warn({ code: ErrorCodes.STORE_FAILED, lost: held.length }, 'stopped before the conversation salt could be read: the records held meanwhile are lost');
      await store.close();
    },
    health() {
      const health = store.health();
      return { ...health, queued: health.queued + held.length, dropped: health.dropped + dropped };
    },
  };
}
