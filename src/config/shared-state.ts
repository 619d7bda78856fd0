/**
 * The keys of state shared by several instances: Redis (conversations, rate limits, locks,
 * the official account's token, reload broadcasts) and PostgreSQL (the message store). Unset,
 * a single instance keeps everything in its own memory and SQLite as before. Part of the
 * configuration `src/config.ts` reads.
 */
import { z } from 'zod';
import { blankAsUnset, optionalMatching } from './fields.js';

export const SharedStateKeys = {
  REDIS_URL: optionalMatching(/^rediss?:\/\/\S+$/, 'redis://[用户:密码@]主机[:端口][/库号],TLS 用 rediss://'),
  REDIS_KEY_PREFIX: z.preprocess(blankAsUnset, z.string().trim().regex(/^[A-Za-z0-9:_.-]{1,64}$/, '1 到 64 个字母、数字或 : _ . -').default('qlb:')),
  DATABASE_URL: optionalMatching(/^postgres(ql)?:\/\/\S+$/, 'postgres://用户:密码@主机:端口/库名'),
};

type SharedStateEnv = z.infer<z.ZodObject<typeof SharedStateKeys>>;

export interface SharedStateConfig {
  /** Redis shared by the instances; the URL may hold a password: never log it. */
  redis?: { url: string; keyPrefix: string };
  /** PostgreSQL for the message store instead of SQLite; the URL may hold a password: never log it. */
  database?: { url: string };
}

export function sharedStateConfig(e: SharedStateEnv): SharedStateConfig {
  return {
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : undefined,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : undefined,
  };
}
