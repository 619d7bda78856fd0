/**
 * Per-conversation memory: the last topic (for follow-ups like "收费吗?") and the last
 * numbered list (for a bare digit). Behind a small async interface like grammY's
 * StorageAdapter, so a persistent store can replace the in-memory default.
 */
import { LRUCache } from 'lru-cache';

/** What the bot remembers of one conversation. */
export interface SessionState {
  topic?: string;
  entryId?: string;
  /** The ids of the numbered list last offered (`t:<topic>`, `e:<entry>`), in order. */
  choices?: string[];
  /** The kind of the last reply, where the next message depends on it (a rejected fallback). */
  lastKind?: 'fallback';
  /** The last answer, while a 👍 / 👎 or a typed 1 / 0 may rate it (question masked). */
  lastAnswer?: { entryId: string; at: number; question?: string };
  /**
   * The entries this conversation was answered with and has not rated yet, most recent last
   * (a few at most): a 👍 / 👎 counts only for one of them, once.
   */
  unrated?: string[];
  /** The question a clarify list was offered for (masked), so a pick's answer knows it. */
  asked?: string;
}

export interface SessionStore {
  read(conversationKey: string): Promise<SessionState | undefined>;
  write(conversationKey: string, state: SessionState): Promise<void>;
  delete(conversationKey: string): Promise<void>;
}

/**
 * In-memory store; a conversation is forgotten after `idleMs` without messages, and at most
 * `max` conversations are kept (least recently used dropped first) so memory stays flat.
 */
export function createMemorySessionStore(options: { idleMs: number; max?: number; now?: () => number }): SessionStore {
  const cache = new LRUCache<string, SessionState>({
    max: options.max ?? 50_000,
    ttl: options.idleMs,
    updateAgeOnGet: true,
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  return {
    read: async (key) => cache.get(key),
    write: async (key, state) => {
      cache.set(key, state);
    },
    delete: async (key) => {
      cache.delete(key);
    },
  };
}
