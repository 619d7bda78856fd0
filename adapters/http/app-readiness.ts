/**
 * Readiness of a running {@link App}: its knowledge base is loaded with entries and, when
 * instances share state, it hashes conversations with the deployment's salt (required: an
 * instance with a salt of its own would split conversations and limits from the others');
 * its message store can write and Redis is reachable (optional: answering goes on without
 * them, the instance reports `degraded`).
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
    const salt = app.saltHealth();
    if (salt.shared) {
      checks.salt = {
        ok: salt.state === 'ok',
        detail:
          salt.state === 'ok'
            ? `the deployment's, from ${salt.from ?? '?'}`
            : salt.state === 'waiting'
              ? `waiting for the deployment's salt${since(salt.since)} (${salt.detail ?? '?'}): answering without shared state, records held in memory`
              : `mismatch${since(salt.since)}: ${salt.detail ?? '?'}`,
      };
    }
    if (redis) {
      checks.redis = {
        ok: redis.state === 'ok',
        optional: true,
        detail:
          redis.state === 'ok'
            ? 'connected: conversations and limits shared'
            : `${redis.reason === 'hung' ? `not answering within ${redis.timeoutMs} ms` : 'unreachable'}${since(redis.since)}: answering without conversation memory, limits per instance`,
      };
    }
    return checks;
  };
}
