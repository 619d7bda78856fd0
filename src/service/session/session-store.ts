/**
 * Per-conversation memory: the last topic (for follow-ups like "收费吗?") and the last
 * numbered list (for a bare digit). Behind a small async interface like grammY's
 * StorageAdapter, so a persistent store can replace the in-memory default.
 */
import { LRUCache } from 'lru-cache';
import type { SessionState } from '../../answer/dialog/session-state.js';
import type { Clock } from '../time/clock.js';

export interface SessionStore {
  read(conversationKey: string): Promise<SessionState | undefined>;
  write(conversationKey: string, state: SessionState): Promise<void>;
  delete(conversationKey: string): Promise<void>;
}

/**
 * In-memory store; a conversation is forgotten after `idleMs` without messages, and at most
 * `max` conversations are kept (least recently used dropped first) so memory stays flat.
 */
export function createMemorySessionStore(options: { idleMs: number; max?: number; clock?: Clock }): SessionStore {
  const { clock } = options;
  const cache = new LRUCache<string, SessionState>({
    max: options.max ?? 50_000,
    ttl: options.idleMs,
    updateAgeOnGet: true,
    ttlResolution: 0,
    ...(clock ? { perf: { now: () => clock.now() } } : {}),
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
