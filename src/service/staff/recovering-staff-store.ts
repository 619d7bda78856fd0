/**
 * The staff console's store as a running server holds it: opened at start when it can be,
 * else opened again when the console is next used (at most once per `retryMs`), so a
 * database that was down or a data directory that was unwritable when the bot started serves
 * the console once it is back, without a restart. Until then every call rejects with
 * QLB_STAFF_STORE_FAILED, which the console answers with 503.
 */
import { BotError, ErrorCodes } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { StaffStore } from './staff-store.js';
import { systemClock, type Clock } from '../time/clock.js';

export interface RecoveringOptions {
  logger: Logger;
  /** Least time between two attempts to open it, in ms (5 s). */
  retryMs?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

type Call = Exclude<keyof StaffStore, 'close' | 'ready'>;

const asStoreError = (error: unknown): BotError =>
  error instanceof BotError
    ? error
    : new BotError(ErrorCodes.STAFF_STORE_FAILED, `工作人员账号库无法打开:${(error as Error)?.message ?? String(error)}`, [], { cause: error });

/** A store over `open`, which is called now and again until it succeeds. */
export function recoveringStaffStore(open: () => Promise<StaffStore>, options: RecoveringOptions): StaffStore {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const retryMs = options.retryMs ?? 5_000;
  let store: StaffStore | undefined;
  let opening: Promise<StaffStore> | undefined;
  let failure: BotError | undefined;
  let triedAt = -Infinity;
  let closed = false;

  const attempt = async (): Promise<StaffStore> => {
    triedAt = now();
    try {
      const opened = await open();
      if (closed) {
        opened.close();
        throw new BotError(ErrorCodes.STAFF_STORE_FAILED, '工作人员账号库已关闭');
      }
      if (failure) logger.info({}, 'staff console store opened: the console serves again');
      failure = undefined;
      return (store = opened);
    } catch (error) {
      failure = asStoreError(error);
      logger.debug({ code: ErrorCodes.STAFF_STORE_FAILED, err: error }, 'staff console store still cannot be opened');
      throw failure;
    }
  };

  const current = async (): Promise<StaffStore> => {
    if (store) return store;
    if (opening) return opening;
    if (closed || (failure && now() - triedAt < retryMs)) throw failure ?? new BotError(ErrorCodes.STAFF_STORE_FAILED, '工作人员账号库已关闭');
    opening = attempt().finally(() => {
      opening = undefined;
    });
    return opening;
  };

  const via = <K extends Call>(name: K): StaffStore[K] =>
    (async (...args: unknown[]) => {
      const opened = await current();
      return (opened[name] as (...a: unknown[]) => unknown).apply(opened, args);
    }) as StaffStore[K];

  return {
    ready: async () => void (await current()),
    addAccount: via('addAccount'),
    getAccount: via('getAccount'),
    listAccounts: via('listAccounts'),
    removeAccount: via('removeAccount'),
    setPassword: via('setPassword'),
    createSession: via('createSession'),
    getSession: via('getSession'),
    touchSession: via('touchSession'),
    deleteSession: via('deleteSession'),
    audit: via('audit'),
    auditLog: via('auditLog'),
    recordReviewAction: via('recordReviewAction'),
    reviewActions: via('reviewActions'),
    purge: via('purge'),
    close() {
      closed = true;
      store?.close();
      store = undefined;
    },
  };
}
