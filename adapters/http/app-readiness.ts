/**
 * Readiness of a running {@link App}: its knowledge base is loaded with entries, and its
 * message store can write.
 */
import type { App } from '../../src/app.js';
import type { Readiness } from './health.js';

/** The readiness checks of `app`. */
export function appReadiness(app: App): Readiness {
  return () => {
    const { knowledge } = app.bot.engine;
    const store = app.store.health();
    return {
      knowledge: {
        ok: knowledge.entries.length > 0,
        detail: `${knowledge.topics.length} topics, ${knowledge.entries.length} entries`,
      },
      store: {
        ok: store.writable,
        detail: store.writable ? `writable; ${store.failures} failure(s) so far` : `not writable; ${store.failures} failure(s)`,
      },
    };
  };
}
