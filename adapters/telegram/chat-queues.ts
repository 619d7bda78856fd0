/**
 * One serial queue per chat. Messages of a chat are handled in order (the core keeps a
 * per-conversation menu, so "2" must follow the menu it picks from), while chats never wait
 * for each other: a chat stuck on a 429 or a failing send does not block the rest.
 */

export interface ChatQueues {
  /** Queues `job` for `chatId`; false (and nothing queued) when that chat already has too many waiting. */
  push(chatId: string, job: () => Promise<void>): boolean;
  /** Jobs queued or running, over all chats. */
  readonly pending: number;
  /** Resolves once every queued job has settled (including ones queued meanwhile). */
  idle(): Promise<void>;
}

interface Lane {
  tail: Promise<void>;
  count: number;
}

/** Creates empty queues; `onError` receives every job failure (jobs are never retried here). */
export function createChatQueues(options: {
  maxPerChat: number;
  onError: (error: unknown, chatId: string) => void;
}): ChatQueues {
  const lanes = new Map<string, Lane>();
  let pending = 0;

  return {
    get pending() {
      return pending;
    },
    push(chatId, job) {
      const lane = lanes.get(chatId) ?? { tail: Promise.resolve(), count: 0 };
      if (lane.count >= options.maxPerChat) return false;
      lane.count += 1;
      pending += 1;
      lanes.set(chatId, lane);
      lane.tail = lane.tail
        .then(job)
        .catch((error: unknown) => options.onError(error, chatId))
        .finally(() => {
          lane.count -= 1;
          pending -= 1;
          if (lane.count === 0 && lanes.get(chatId) === lane) lanes.delete(chatId);
        });
      return true;
    },
    async idle() {
      while (lanes.size > 0) await Promise.all([...lanes.values()].map((lane) => lane.tail));
    },
  };
}
