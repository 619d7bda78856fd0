/**
 * What the bot keeps of the messages it handles, for staff (`review`, `stats`), behind a
 * small interface with two engines (SQLite, PostgreSQL). Nothing of the person's text is kept except a masked `question` where the bot
 * could not answer or the answer was disliked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { StoreHealth } from './store-health.js';

export type { StoreHealth } from './store-health.js';

/** One handled message. */
export interface MessageRecord {
  /** Milliseconds since the epoch. */
  at: number;
  adapter: string;
  /** Salted hash of the conversation, never the platform id ({@link MessageStore.hashConversation}). */
  conversation: string;
  /** The reply kind (`answer`, `fallback`...), or `feedback` for a 👍 / 👎 / 1 / 0. */
  kind: string;
  /** Topic of `entry`. */
  topic?: string;
  /** The entry answered; for `clarify` and `fallback` the entry the question came closest to. */
  entry?: string;
  score?: number;
  latencyMs: number;
  /** Only for `fallback` and `clarify`: the question, personal data masked. */
  question?: string;
}

/** One 👍 / 👎 (or 1 / 0 typed after an answer). */
export interface FeedbackRecord {
  at: number;
  adapter: string;
  conversation: string;
  useful: boolean;
  entry?: string;
  /** Only for 👎: the question that got the answer, personal data masked. */
  question?: string;
}

/**
 * Where records go: SQLite on one host ({@link openSqliteStore}), PostgreSQL when several
 * instances share one ({@link openPostgresStore}), nothing or memory otherwise. Recording
 * only queues; no method throws or rejects: a failing store must never stop answering.
 */
export interface MessageStore {
  /** True for a store that keeps nothing: callers may skip building (and masking) its records. */
  readonly discards?: boolean;
  /** Hashes a conversation key with this store's salt. */
  hashConversation(key: string): string;
  recordMessage(record: MessageRecord): void;
  recordFeedback(record: FeedbackRecord): void;
  /** Writes what is queued; false when that failed (the records are kept for the next try). */
  flush(): Promise<boolean>;
  /** Deletes records older than `before` (ms since the epoch); the count, or undefined on failure. */
  purge(before: number): Promise<number | undefined>;
  /** Flushes and releases the store. */
  close(): Promise<void>;
  /** `ok`, or `degraded` with the error and since when; queued and dropped counts (for stats and /readyz). */
  health(): StoreHealth;
}

const okHealth = (): StoreHealth => ({ state: 'ok', writable: true, failures: 0, queued: 0, dropped: 0, written: 0 });

/** Salted SHA-256 of a conversation key, shortened: enough to group, useless to look up. */
export function saltedHash(salt: string, key: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(key).digest('hex').slice(0, 16);
}

/** Conversations whose hash is remembered: each message is hashed for its log line, its record and its adapter's log. */
const REMEMBERED_HASHES = 10_000;

/** {@link saltedHash} with one salt, remembering the hashes of the latest conversations. */
export function saltedHasher(salt: string): (key: string) => string {
  const hashes = new LRUCache<string, string>({ max: REMEMBERED_HASHES });
  return (key) => {
    let hash = hashes.get(key);
    if (hash === undefined) hashes.set(key, (hash = saltedHash(salt, key)));
    return hash;
  };
}

/** A store that keeps nothing: the default of the core and of tools like `eval`. */
export function createNoopStore(salt = randomBytes(16).toString('hex')): MessageStore {
  return {
    discards: true,
    hashConversation: saltedHasher(salt),
    recordMessage: () => undefined,
    recordFeedback: () => undefined,
    flush: async () => true,
    purge: async () => 0,
    close: async () => undefined,
    health: okHealth,
  };
}

/** A store in memory, for tests: the records are readable as arrays. */
export interface MemoryStore extends MessageStore {
  readonly messages: MessageRecord[];
  readonly feedback: FeedbackRecord[];
}

/** Creates an empty {@link MemoryStore}. */
export function createMemoryStore(): MemoryStore {
  const hashConversation = saltedHasher(randomBytes(16).toString('hex'));
  const messages: MessageRecord[] = [];
  const feedback: FeedbackRecord[] = [];
  const purgeList = <T extends { at: number }>(list: T[], before: number) => {
    const kept = list.filter((record) => record.at >= before);
    const removed = list.length - kept.length;
    list.splice(0, list.length, ...kept);
    return removed;
  };
  return {
    messages,
    feedback,
    hashConversation,
    recordMessage: (record) => void messages.push({ ...record }),
    recordFeedback: (record) => void feedback.push({ ...record }),
    flush: async () => true,
    purge: async (before) => purgeList(messages, before) + purgeList(feedback, before),
    close: async () => undefined,
    health: () => ({ ...okHealth(), written: messages.length + feedback.length }),
  };
}
