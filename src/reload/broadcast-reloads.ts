/**
 * Reloads that reach every instance: a reload made here (a watched edit, /reload, SIGHUP) is
 * announced on the {@link ReloadBus} once it built new knowledge, and an announcement from
 * another instance reloads here without being announced again. A reload that found the
 * folder unchanged is not announced: the others have nothing new to read.
 */
import type { ReloadBus } from '../shared/shared-state.js';
import type { Reloader } from './knowledge-reloader.js';

/** Wraps `reloader` so successful reloads are announced; returns it and a function that stops listening. */
export function broadcastReloads(reloader: Reloader, bus: ReloadBus): { reloader: Reloader; stop: () => void } {
  const stop = bus.subscribe((reason) => void reloader.reload(reason));
  return {
    reloader: {
      async reload(reason) {
        const outcome = await reloader.reload(reason);
        if (outcome.ok && !outcome.unchanged) await bus.publish(reason);
        return outcome;
      },
    },
    stop,
  };
}
