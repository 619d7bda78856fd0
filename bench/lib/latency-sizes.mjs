/**
 * Per-message latency at each knowledge base size: `rounds` fresh latency workers per size,
 * interleaved across sizes round by round; each figure is the median over the rounds, with
 * min / median / max beside it. Snapshots are written once before anything is timed.
 */
import { round } from './stats.mjs';
import { interleave, summarize } from './rounds.mjs';

const KEYS = ['p50Us', 'p99Us', 'qp99Us', 'maxUs', 'buildMs', 'loadMs', 'peakRssMb', 'gc.scavenges', 'gc.pauseMs'];

/** `bases`: `[{dir, synthetic}]`; returns `{sizes, top1}` in the JSON's shape. */
export async function measureLatency({ worker, bases, rounds, messages, gold, snapshotDir, log, env = {} }) {
  const common = (base) => ({ knowledge: base.dir, gold: gold.file, snapshot: snapshotDir, ...(base.synthetic ? { synthetic: 'yes' } : {}) });
  const fresh = [];
  for (const base of bases) fresh.push((await worker('prepare-knowledge', { args: common(base), env, timeoutMs: 900_000 })).result.freshBuildMs);
  let top1 = null;
  const variants = bases.map((base, i) => ({ name: i === 0 ? 'real KB' : base.label, base }));
  const results = await interleave(variants, rounds, async ({ base }, r) => {
    const args = { ...common(base), messages, ...(base === bases[0] && r === 0 ? { top1: 'yes' } : {}) };
    const s = (await worker('latency', { args, env, timeoutMs: 900_000 })).result;
    if (s.top1 !== undefined) top1 = round(s.top1, 4);
    return s;
  }, log);
  const sizes = results.map((list, i) => {
    const rs = summarize(list, KEYS);
    const mid = (key) => rs[key]?.median ?? null;
    return {
      entries: list[0].entries,
      buildMs: mid('buildMs'),
      p50Us: mid('p50Us'),
      p99Us: mid('p99Us'),
      peakRssMb: mid('peakRssMb'),
      qp99Us: mid('qp99Us'),
      loadMs: mid('loadMs'),
      freshBuildMs: round(fresh[i]),
      rounds: rs,
    };
  });
  return { sizes, top1 };
}
