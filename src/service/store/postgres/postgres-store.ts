/**
 * The {@link MessageStore} several instances share: PostgreSQL, written through the same
 * {@link createQueuedWriter} as SQLite (queued off the answering path, chunked, retried with
 * backoff while the server is down, bounded, spilled to this host's DATA_DIR beyond the bound
 * and at close). Each record carries a random id, so a chunk whose commit reply was lost, or a
 * spill file replayed twice, can be written again without doubling.
 */
import { ErrorCodes } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import { saltedHasher, type MessageStore } from '../message-store.js';
import { createQueuedWriter, type QueuedWriterOptions } from '../queued-writer.js';
import { queuedFeedback, queuedMessage, type QueuedRecord } from '../queued-record.js';
import { openSpill } from '../spill-file.js';
import { writeHealthFile } from '../store-health.js';
import { migratePostgres } from './migrations.js';
import type { Pool } from './pool.js';
import { systemClock } from '../../time/clock.js';

export interface PostgresStoreOptions extends Omit<QueuedWriterOptions, 'logger' | 'where' | 'onStateChange' | 'spill'> {
  /** The pool to write through; the store ends it at close. */
  pool: Pool;
  logger: Logger;
  /** The deployment's salt of conversation hashes (see {@link sharedSalt}). */
  salt: string;
  /** Where the database is, for log lines (never the password). */
  database: string;
  /** Where to leave the health file `stats` reads on this host, and the spill file of records the database cannot take, if anywhere. */
  dataDir?: string;
}

type Queued = QueuedRecord;

const INSERT_MESSAGES = `INSERT INTO messages (uid, at, adapter, conversation, kind, topic, entry, score, latency_ms, question)
  SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::text[])
  ON CONFLICT (uid) DO NOTHING`;
const INSERT_FEEDBACK = `INSERT INTO feedback (uid, at, adapter, conversation, useful, entry, question)
  SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::text[])
  ON CONFLICT (uid) DO NOTHING`;

/** Column arrays of a chunk, for one INSERT … unnest per table. */
function columns(items: Queued[]) {
  const messages = items.filter((item) => item.type === 'message') as Array<Queued & { type: 'message' }>;
  const feedback = items.filter((item) => item.type === 'feedback') as Array<Queued & { type: 'feedback' }>;
  const m = messages.map((item) => item.record);
  const f = feedback.map((item) => item.record);
  return {
    messages: [messages.map((item) => item.uid), m.map((r) => r.at), m.map((r) => r.adapter), m.map((r) => r.conversation), m.map((r) => r.kind),
      m.map((r) => r.topic ?? null), m.map((r) => r.entry ?? null), m.map((r) => r.score ?? null), m.map((r) => r.latencyMs), m.map((r) => r.question ?? null)],
    feedback: [feedback.map((item) => item.uid), f.map((r) => r.at), f.map((r) => r.adapter), f.map((r) => r.conversation), f.map((r) => r.useful),
      f.map((r) => r.entry ?? null), f.map((r) => r.question ?? null)],
    counts: { messages: messages.length, feedback: feedback.length },
  };
}

/** Creates the store. Nothing is written until the first flush; this never throws. */
export function openPostgresStore(options: PostgresStoreOptions): MessageStore {
  const { pool, logger, salt } = options;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  let migrated = false;

  const writer = createQueuedWriter(
    {
      async connect() {
        if (migrated) return;
        await migratePostgres(pool);
        migrated = true;
      },
      async write(items) {
        const chunk = columns(items);
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          if (chunk.counts.messages > 0) await client.query(INSERT_MESSAGES, chunk.messages);
          if (chunk.counts.feedback > 0) await client.query(INSERT_FEEDBACK, chunk.feedback);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      },
    },
    {
      ...options,
      where: { database: options.database },
      onStateChange: (health) => options.dataDir !== undefined && writeHealthFile(options.dataDir, health, now()),
      spill: options.dataDir === undefined ? undefined : openSpill({ dataDir: options.dataDir, logger }),
    },
  );

  return {
    hashConversation: saltedHasher(salt),
    recordMessage: (record) => writer.enqueue(queuedMessage(record)),
    recordFeedback: (record) => writer.enqueue(queuedFeedback(record)),
    flush: () => writer.flush(),
    health: () => writer.health(),
    purge: (before) =>
      writer.attempt('purge', async () => {
        const messages = await pool.query('DELETE FROM messages WHERE at < $1', [before]);
        const feedback = await pool.query('DELETE FROM feedback WHERE at < $1', [before]);
        return (messages.rowCount ?? 0) + (feedback.rowCount ?? 0);
      }),
    async close() {
      await writer.close();
      await pool.end().catch((error: unknown) => logger.warn({ code: ErrorCodes.STORE_FAILED, err: error }, 'closing the database pool failed'));
    },
  };
}
