/**
 * Readiness of a running {@link App}: its knowledge base is loaded with entries (required);
 * its message store can write and, when instances share state, Redis is reachable (optional:
 * answering goes on without them, the instance reports `degraded`).
 */
import type { App } from '../../src/app.js';
import type { Readiness, ReadinessCheck } from './health.js';

const since = (at: number | undefined) => (at === undefined ? '' : ` since ${new Date(at).toISOString()}`);

/** The readiness checks of `app`. */
export function appReadiness(app: App): Readiness {
  return () => {
    const { knowledge } = app.bot.engine;
    const store = app.store.health();
    const redis = app.shared.health();
    const checks: Record<string, ReadinessCheck> = {
      knowledge: {
        ok: knowledge.entries.length > 0,
        detail: `${knowledge.topics.length} topics, ${knowledge.entries.length} entries`,
      },
      store: {
        ok: store.writable,
        optional: true,
        detail: store.writable
          ? `writable; ${store.failures} failure(s) so far`
          : `not writable${since(store.since)} (${store.lastError?.code ?? '?'}); ${store.queued} record(s) waiting, ${store.spilled ?? 0} kept in the spill file, ${store.dropped} lost`,
      },
    };
    if (redis) {
      checks.redis = {
        ok: redis.state === 'ok',
        optional: true,
        detail: redis.state === 'ok' ? 'connected: conversations and limits shared' : `unreachable${since(redis.since)}: answering without conversation memory, limits per instance`,
      };
    }
    return checks;
  };
}
