/**
 * Counts this process's garbage collections while `fn` runs, by kind, with their total pause,
 * from V8's GC profiler (recorded natively; no JavaScript runs at each collection). Run it on
 * an untimed pass: the profiler's bookkeeping must not land in a measured message.
 */
import v8 from 'node:v8';

export async function countGc(fn) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  await fn();
  const { statistics } = profiler.stop();
  const counts = { scavenges: 0, markSweeps: 0, other: 0, pauseMs: 0 };
  for (const gc of statistics) {
    if (gc.gcType === 'Scavenge' || gc.gcType === 'MinorMarkSweep') counts.scavenges += 1;
    else if (gc.gcType === 'MarkSweepCompact') counts.markSweeps += 1;
    else counts.other += 1;
    counts.pauseMs += gc.cost / 1000;
  }
  return { ...counts, pauseMs: Math.round(counts.pauseMs * 10) / 10 };
}
