/** The readable table: start-up per segmenter, latency per size beside the baseline, throughput, top-1, targets. */
import os from 'node:os';
import { pct } from './targets.mjs';

const num = (x, digits = 0) =>
  x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const times = (slow, fast) => (fast > 0 ? `${(slow / fast).toFixed(1)}×` : 'n/a');
const cells = (values, widths) => values.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');

export function formatReport(r, extra) {
  const names = Object.keys(r.segmenters);
  const w1 = [42, ...names.map((n) => Math.max(13, n.length))];
  const seg = (pick) => names.map((n) => (r.segmenters[n].unavailable ? 'unavailable' : pick(n)));
  const b = r.baseline;
  const w2 = [9, 9, 8, 7, 9, 7, 12];
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `qujiang-legal-bot bench: Node ${process.version}, ${os.cpus().length} CPU(s), ${new Date().toISOString()}`,
    `load average (1, 5, 15 min) at start ${load(extra.loadStart)}, at end ${load(os.loadavg())}; wall-clock figures inflate when other processes compete for the CPUs`,
    '',
    'Start-up (median of fresh processes)',
    cells(['', ...names], w1),
    cells(['  cold start to ready, ms', ...seg((n) => num(r.coldStartMs[n]))], w1),
    cells(['  CLI `legal-bot ask "…"` end to end, ms', ...seg((n) => num(r.askOnceMs[n]))], w1),
    cells(['  segmenter load, ms', ...seg((n) => num(r.segmenters[n].loadMs))], w1),
    cells(['  segmenter resident memory (RSS), MB', ...seg((n) => num(r.segmenters[n].rssMb, 1))], w1),
    ...names.filter((n) => r.segmenters[n].unavailable).map((n) => `  ${n}: ${r.segmenters[n].unavailable}`),
    '',
    `Whole handle() pipeline, ${num(extra.messages)} gold-set messages per size (×: times faster than the baseline)`,
    cells(['  entries', 'build ms', 'p50 µs', 'p50 ×', 'p99 µs', 'p99 ×', 'peak RSS MB'], w2),
    ...r.sizes.map((s) =>
      cells([`  ${num(s.entries)}`, num(s.buildMs), num(s.p50Us), times(b.p50Us, s.p50Us), num(s.p99Us), times(b.p99Us, s.p99Us), num(s.peakRssMb, 1)], w2),
    ),
    `  baseline: fuse.js, default options, over the real KB's ${num(extra.baseline.records)} sample questions + answers:`,
    `  index ${num(extra.baseline.buildMs, 1)} ms, p50 ${num(b.p50Us)} µs, p99 ${num(b.p99Us)} µs (${num(extra.baseline.messages)} queries), peak RSS ${num(extra.baseline.peakRssMb, 1)} MB`,
    '',
    'Throughput through the fake transport (real KB, full app), messages/s',
    `  1 conversation     ${num(r.throughput.c1).padStart(7)}  (${times(r.throughput.c1, extra.baseline.perSecond)} the baseline's ${num(extra.baseline.perSecond)} queries/s)`,
    `  100 conversations  ${num(r.throughput.c100).padStart(7)}  (${times(r.throughput.c100, extra.baseline.perSecond)})`,
    r.throughput.c100Redis === null
      ? '  100 conversations, state in Redis: n/a (redis-server not installed)'
      : `  100 conversations, state in Redis  ${num(r.throughput.c100Redis).padStart(7)}  (${pct(r.throughput.c100Redis / r.throughput.c100)} of in memory; a local redis-server, one GET and one SET per message)`,
    '',
    `Top-1 on the gold set's ${extra.inScope} in-scope cases (an answer with the right entry):`,
    `  ours ${pct(r.top1)}, baseline ${pct(b.top1)} (${((r.top1 - b.top1) * 100).toFixed(1)} points)`,
    '',
    ...reliability(r.reliability),
    'Targets (issue 5)',
    ...r.targets.map((t) => `  ${t.met ? 'met   ' : 'MISSED'}  ${t.target.padEnd(44)} ${t.limit.padEnd(13)} ${t.value}`),
  ].join('\n');
}

/** Issue 16: the whole pipeline on long messages, and answering while the store is locked. */
function reliability(f) {
  if (!f) return [];
  const rate = (x) => `${num(x.perSecond)} messages/s (store ${x.state}${x.lastError ? `, ${x.lastError}` : ''}, ${num(x.queued)} queued at the end)`;
  return [
    'Reliability (issue 16): handle() on one long message, median ms',
    `  1,000 chars ${num(f.longMessageMs[1000], 1)} · 10,000 chars ${num(f.longMessageMs[10000], 1)} · 100,000 chars (MAX_MESSAGE_CHARS's maximum) ${num(f.longMessageMs[100000], 1)}`,
    `Answering ${num(f.store.messages)} recorded fallbacks through the full app:`,
    `  healthy store  ${rate(f.store.healthy)}`,
    `  locked store   ${rate(f.store.locked)} (another connection holds BEGIN EXCLUSIVE throughout)`,
    '',
  ];
}
