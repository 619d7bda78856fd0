/**
 * The salt of conversation hashes, one per deployment: the store groups a conversation's
 * records by it and Redis keys conversations, limits and locks by it, so every instance must
 * use the same. It is kept where all instances look: PostgreSQL when configured (Redis keeps
 * a copy, for an instance that starts while PostgreSQL is down), else Redis, else the data
 * directory. The first instance proposes its local salt (DATA_DIR/store-salt), so a single
 * host that starts sharing keeps its hashes.
 *
 * An instance that cannot read the shared salt never makes one up (its conversations would
 * not join up with the others' and its limits would count apart): it waits, not ready, and
 * tries again; meanwhile {@link DeploymentSalt.hash} gives nothing, so it answers without
 * shared state, and the store holds its records until the salt is known. Once known, the salt
 * is checked against the shared one every minute and whenever Redis is back (an emptied Redis
 * gets its copy again); a different salt in PostgreSQL (or, without it, in Redis) is adopted,
 * and one that cannot be settled (PostgreSQL unreachable, Redis holding another) makes the
 * instance not ready until it can.
 */
import { ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { saltedHasher } from './message-store.js';
import { migratePostgres, sharedSalt } from './postgres/migrations.js';
import type { Pool } from './postgres/pool.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { systemClock, type Clock } from '../time/clock.js';

export type SaltSource = 'postgres' | 'redis' | 'data-dir';

export interface SaltHealth {
  /** `waiting`: the shared salt could not be read yet; `mismatch`: Redis holds another and PostgreSQL cannot settle it. */
  state: 'ok' | 'waiting' | 'mismatch';
  /** True when instances share the salt (Redis or PostgreSQL configured): /readyz checks it then. */
  shared: boolean;
  from?: SaltSource;
  /** Since when it is waiting or mismatched (ms since the epoch). */
  since?: number;
  /** What was seen last (an unreachable server…). */
  detail?: string;
}

export interface DeploymentSalt {
  /** The salt in use; undefined while waiting for the shared one. */
  readonly value: string | undefined;
  /** The salted hash of a conversation key; undefined while waiting (callers go on without shared state). */
  hash(key: string): string | undefined;
  /** `listener` runs when the salt becomes known, and when another is adopted. */
  onChange(listener: (salt: string) => void): void;
  health(): SaltHealth;
  /** Compares the salt in use with the shared one now (also done on a timer and when Redis is back). */
  check(): Promise<void>;
  /** Stops the timers. */
  close(): void;
}

export interface SaltSources {
  local: string;
  postgres?: Pool;
  /** The schema of `postgres` is migrated already (else migrating is the first thing tried). */
  migrated?: boolean;
  redis?: RedisConnection;
  logger: Logger;
  /** Longest one attempt at PostgreSQL may take, in ms (default 3 s). */
  timeoutMs?: number;
  /** First pause between attempts while waiting, in ms (default 500; doubled up to 5 s). */
  retryMs?: number;
  /** Pause between two checks once known, in ms (default a minute). */
  checkEveryMs?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

/** Longest pause between two attempts while waiting for the salt, in ms. */
const MAX_RETRY_MS = 5_000;

/** `work`, or a rejection once `ms` have passed without it settling (start-up waits on servers). */
export const within = <T>(work: Promise<T>, ms: number): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** The salt of an instance that shares nothing: its data directory's. */
export function localSalt(salt: string): DeploymentSalt {
  const hash = saltedHasher(salt);
  return { value: salt, hash, onChange: () => undefined, health: () => ({ state: 'ok', shared: false, from: 'data-dir' }), check: async () => undefined, close: () => undefined };
}

/** Reads the deployment's salt (waiting for it in the background when it cannot be read now). */
export async function openDeploymentSalt(sources: SaltSources): Promise<DeploymentSalt> {
  const { local, postgres, redis, logger } = sources;
  if (!postgres && !redis) return localSalt(local);
  const clock = sources.clock ?? systemClock;
  const now = () => clock.now();
  const timeoutMs = sources.timeoutMs ?? 3_000;
  const checkEveryMs = sources.checkEveryMs ?? 60_000;
  const redisKey = `${redis?.prefix ?? ''}conversation-salt`;
  const listeners = new Set<(salt: string) => void>();
  let migrated = sources.migrated ?? false;
  let value: string | undefined;
  let from: SaltSource | undefined;
  let hasher: ((key: string) => string) | undefined;
  let state: SaltHealth['state'] = 'waiting';
  let since: number | undefined = now();
  let detail: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  /** The salt PostgreSQL holds (storing `proposed` when it holds none); undefined when it cannot be read. */
  const fromPostgres = async (proposed: string): Promise<string | undefined> => {
    if (!postgres) return undefined;
    try {
      if (!migrated) await within(migratePostgres(postgres), timeoutMs);
      migrated = true;
      return await within(sharedSalt(postgres, proposed), timeoutMs);
    } catch (error) {
      detail = `PostgreSQL: ${(error as Error).message}`;
      return undefined;
    }
  };
  /** Redis's copy: the salt, null when it holds none, undefined when it cannot be read. */
  const inRedis = async () => (redis ? redis.run('salt-read', (client) => client.get(redisKey)) : undefined);
  const copyToRedis = async (salt: string, onlyIfAbsent: boolean) =>
    redis?.run('salt-copy', (client) => (onlyIfAbsent ? client.set(redisKey, salt, 'NX') : client.set(redisKey, salt)));

  const use = (salt: string, source: SaltSource) => {
    const before = value;
    const waited = state === 'waiting';
    from = source;
    state = 'ok';
    since = undefined;
    detail = undefined;
    if (before === salt) return;
    value = salt;
    hasher = saltedHasher(salt);
    if (before !== undefined) {
      logger.error({ code: ErrorCodes.SALT_MISMATCH, from: source }, 'this instance hashed conversations with another salt than the deployment’s: it uses the deployment’s from now on');
    } else if (waited) {
      logger.info({ saltFrom: source }, 'the deployment’s conversation salt could be read: shared state in use, ready');
    }
    for (const listener of listeners) listener(salt);
  };

  /** Tries to read the salt (at start, then while waiting); true once known. */
  const resolve = async (): Promise<boolean> => {
    if (postgres) {
      const salt = await fromPostgres(local);
      if (salt !== undefined) {
        await copyToRedis(salt, false);
        use(salt, 'postgres');
        return true;
      }
      // Only a copy made from PostgreSQL will do: a salt of this instance's own would diverge.
      const copy = await inRedis();
      if (copy) use(copy, 'redis');
      else detail = `${detail ?? 'PostgreSQL cannot be read'}; Redis ${copy === null ? 'holds no copy' : 'cannot be read'}`;
      return Boolean(copy);
    }
    await copyToRedis(local, true);
    const salt = await inRedis();
    if (salt) use(salt, 'redis');
    else detail = 'Redis cannot be read';
    return Boolean(salt);
  };

  const check = async () => {
    const inUse = value;
    if (inUse === undefined) return;
    const record = await fromPostgres(inUse);
    const copy = await inRedis();
    if (record !== undefined) {
      // PostgreSQL settles it, and Redis's copy follows.
      if (copy !== undefined && copy !== record) await copyToRedis(record, false);
      return use(record, 'postgres');
    }
    if (copy === undefined) return; // nothing to compare with
    if (copy === null) return void (await copyToRedis(inUse, true)); // Redis restarted empty: put the copy back
    if (copy === inUse || !postgres) return use(copy, from ?? 'redis'); // without PostgreSQL, Redis is where the salt is kept
    if (state !== 'mismatch') {
      state = 'mismatch';
      since = now();
      logger.error({ code: ErrorCodes.SALT_MISMATCH }, 'Redis holds another conversation salt than this instance, and PostgreSQL cannot be read to settle it: not ready until it can');
    }
    detail = `Redis holds another salt; ${detail ?? 'PostgreSQL cannot be read'}`;
  };

  const schedule = (ms: number, work: () => Promise<void>) => {
    if (closed) return;
    timer = setTimeout(() => void work(), ms);
    timer.unref();
  };
  const checkLoop = async () => {
    await check();
    schedule(checkEveryMs, checkLoop);
  };
  const waitFor = async (pause: number) => {
    if (await resolve()) return schedule(checkEveryMs, checkLoop);
    const next = Math.min(pause * 2, MAX_RETRY_MS);
    schedule(next, () => waitFor(next));
  };

  if (await resolve()) {
    schedule(checkEveryMs, checkLoop);
  } else {
    logger.warn({ code: ErrorCodes.SALT_WAITING, detail }, 'the deployment’s conversation salt cannot be read: not ready, answering without shared state until it can; trying again');
    const first = sources.retryMs ?? 500;
    schedule(first, () => waitFor(first));
  }
  redis?.onRecovered(() => void check());

  return {
    get value() {
      return value;
    },
    hash: (key) => hasher?.(key),
    onChange: (listener) => void listeners.add(listener),
    health: () => ({
      state,
      shared: true,
      ...(from ? { from } : {}),
      ...(state !== 'ok' && since !== undefined ? { since } : {}),
      ...(state !== 'ok' && detail ? { detail } : {}),
    }),
    check,
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
