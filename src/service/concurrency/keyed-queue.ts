/**
 * The one per-key serial queue of all adapters: jobs of a key (a chat, a conversation) run
 * one after another in arrival order, keys never wait for each other. The core keeps state
 * per conversation (the open list), so a "2" must not overtake the menu it picks from,
 * while a chat stuck on a slow send must not hold up the rest.
 */

export interface KeyedQueue {
  /**
   * Queues `job` behind the jobs of `key`. Returns a promise that settles when the job has
   * (it never rejects: a failure goes to `onError`), or undefined, with nothing queued, when
   * `key` already has `maxPerKey` jobs waiting or running.
   */
  push(key: string, job: () => Promise<void>): Promise<void> | undefined;
  /** Jobs queued or running, over all keys. */
  readonly pending: number;
  /** Resolves once every job has settled, including ones queued meanwhile. */
  idle(): Promise<void>;
}

interface Lane {
  tail: Promise<void>;
  count: number;
}

/** Creates empty queues; jobs are never retried here. */
export function createKeyedQueue(options: {
  /** Jobs per key at most (default: unbounded). */
  maxPerKey?: number;
  onError: (error: unknown, key: string) => void;
}): KeyedQueue {
  const lanes = new Map<string, Lane>();
  const max = options.maxPerKey ?? Number.POSITIVE_INFINITY;
  let pending = 0;

  return {
    get pending() {
      return pending;
    },
    push(key, job) {
      const lane = lanes.get(key) ?? { tail: Promise.resolve(), count: 0 };
      if (lane.count >= max) return undefined;
      lane.count += 1;
      pending += 1;
      lanes.set(key, lane);
      const done = lane.tail
        .then(job)
        .catch((error: unknown) => {
          options.onError(error, key);
        })
        .finally(() => {
          lane.count -= 1;
          pending -= 1;
          if (lane.count === 0 && lanes.get(key) === lane) lanes.delete(key);
        });
      lane.tail = done;
      return done;
    },
    async idle() {
      while (lanes.size > 0) await Promise.all([...lanes.values()].map((lane) => lane.tail));
    },
  };
}
