/**
 * Reloads that reach every instance: a reload made here (a watched edit, /reload, SIGHUP) is
 * announced on the {@link ReloadBus} once it succeeded, and an announcement from another
 * instance reloads here without being announced again. The watcher's reload of a folder
 * already loaded (the save a staff edit made and reloaded) is not announced: that reload was.
 * One asked for (/reload, SIGHUP) always is, so staff can bring every instance up to date; an
 * instance whose folder has not changed builds nothing.
 */
import type { ReloadBus } from './reload-bus.js';
import type { Reloader } from './knowledge-reloader.js';

/** Wraps `reloader` so successful reloads are announced; returns it and a function that stops listening. */
export function broadcastReloads(reloader: Reloader, bus: ReloadBus): { reloader: Reloader; stop: () => void } {
  const stop = bus.subscribe((reason) => void reloader.reload(reason));
  return {
    reloader: {
      async reload(reason) {
        const outcome = await reloader.reload(reason);
        if (outcome.ok && !(outcome.unchanged && reason === 'watch')) await bus.publish(reason);
        return outcome;
      },
    },
    stop,
  };
}
