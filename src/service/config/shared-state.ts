/**
 * The keys of state shared by several instances: Redis (conversations, rate limits, locks,
 * the official account's token, reload broadcasts) and PostgreSQL (the message store). Unset,
 * a single instance keeps everything in its own memory and SQLite as before. Part of the
 * configuration `src/service/config/config.ts` reads.
 */
import { z } from 'zod';
import { blankAsUnset, integer, optionalMatching } from './fields.js';

export const SharedStateKeys = {
  REDIS_URL: optionalMatching(/^rediss?:\/\/\S+$/, 'redis://[用户:密码@]主机[:端口][/库号],TLS 用 rediss://'),
  REDIS_KEY_PREFIX: z.preprocess(blankAsUnset, z.string().trim().regex(/^[A-Za-z0-9:_.-]{1,64}$/, '1 到 64 个字母、数字或 : _ . -').default('qlb:')),
  REDIS_TIMEOUT_MS: integer(300, 20, 10_000),
  CONVERSATION_LOCK_WAIT_MS: integer(2_000, 0, 60_000),
  DATABASE_URL: optionalMatching(/^postgres(ql)?:\/\/\S+$/, 'postgres://用户:密码@主机:端口/库名'),
};

type SharedStateEnv = z.infer<z.ZodObject<typeof SharedStateKeys>>;

export interface SharedStateConfig {
  /** Redis shared by the instances; the URL may hold a password: never log it. */
  /**
   * Redis shared by the instances; the URL may hold a password: never log it. `timeoutMs`: a
   * command not answered within it counts as a hung Redis (the instance goes on without it).
   */
  redis?: { url: string; keyPrefix: string; timeoutMs: number };
  /** PostgreSQL for the message store instead of SQLite; the URL may hold a password: never log it. */
  database?: { url: string };
  /** Longest a message waits for another message of its conversation to finish, in ms (then it goes on). */
  conversationLockWaitMs: number;
}

export function sharedStateConfig(e: SharedStateEnv): SharedStateConfig {
  return {
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX, timeoutMs: e.REDIS_TIMEOUT_MS } : undefined,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : undefined,
    conversationLockWaitMs: e.CONVERSATION_LOCK_WAIT_MS,
  };
}
