/** Counts this process's garbage collections from now on, by kind, with their total pause. */
import { PerformanceObserver, constants } from 'node:perf_hooks';

const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenges',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'markSweeps',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
};

/** Starts counting; `stop()` returns `{scavenges, markSweeps, incremental, weak, pauseMs}` once the entries are in. */
export function countGc() {
  const counts = { scavenges: 0, markSweeps: 0, incremental: 0, weak: 0, pauseMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = KINDS[entry.detail?.kind ?? entry.kind];
      if (kind) counts[kind] += 1;
      counts.pauseMs += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // GC entries are delivered asynchronously: let the last ones arrive.
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      return { ...counts, pauseMs: Math.round(counts.pauseMs * 10) / 10 };
    },
  };
}
