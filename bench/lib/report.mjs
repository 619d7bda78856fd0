/** The readable table: start-up per segmenter, latency per size beside the baseline, throughput, HTTP, top-1, A/B, targets. */
import os from 'node:os';
import { pct } from './targets.mjs';
import { formatComparison } from './compare.mjs';
import { formatHttp } from './http-load.mjs';

const num = (x, digits = 0) =>
  x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const times = (slow, fast) => (slow > 0 && fast > 0 ? `${(slow / fast).toFixed(1)}×` : 'n/a');
const cells = (values, widths) => values.map((v, i) => (i === 0 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
const range = (s, digits = 0) => (s ? `${num(s.min, digits)}–${num(s.max, digits)}` : 'n/a');

export function formatReport(r, extra) {
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  return [
    `qujiang-legal-bot bench: Node ${process.version}, ${os.cpus().length} CPU(s), ${new Date().toISOString()}`,
    `load average (1, 5, 15 min) at start ${load(extra.loadStart)}, at end ${load(os.loadavg())}; wall-clock figures inflate when other processes compete for the CPUs`,
    '',
    ...startup(r),
    ...latency(r, extra),
    ...throughput(r, extra),
    ...formatHttp(r.http, { p50Us: r.sizes[0]?.p50Us, p99Us: r.sizes[0]?.p99Us, c1: r.throughput.c1, c100: r.throughput.c100 }),
    ...(r.top1 !== null && r.baseline
      ? [`Top-1 on the gold set's ${extra.inScope} in-scope cases (an answer with the right entry):`, `  ours ${pct(r.top1)}, baseline ${pct(r.baseline.top1)} (${((r.top1 - r.baseline.top1) * 100).toFixed(1)} points)`, '']
      : []),
    ...reliability(r.reliability),
    ...formatComparison(r.compare),
    'Targets (issues 5 and 14)',
    ...r.targets.map((t) => `  ${t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'}  ${t.target.padEnd(44)} ${t.limit.padEnd(13)} ${t.value}`),
  ].join('\n');
}

function startup(r) {
  const names = Object.keys(r.segmenters);
  if (names.length === 0) return [];
  const w = [46, ...names.map((n) => Math.max(13, n.length))];
  const seg = (pick) => names.map((n) => (r.segmenters[n].unavailable ? 'unavailable' : pick(n)));
  const cold = (n, which, key) => r.coldStart?.[n]?.[which]?.[key];
  return [
    'Start-up (median of fresh processes; snapshot = the knowledge snapshot in DATA_DIR from an earlier start)',
    cells(['', ...names], w),
    cells(['  cold start to first answer, ms (spawn → reply)', ...seg((n) => num(r.coldStartMs[n]))], w),
    cells(['    range over runs', ...seg((n) => range(cold(n, 'snapshot', 'spawnToAnswerMs')))], w),
    cells(['    without a snapshot (first start after an edit)', ...seg((n) => num(cold(n, 'noSnapshot', 'spawnToAnswerMs')?.median))], w),
    cells(['    in process: ready / first answer, ms', ...seg((n) => `${num(cold(n, 'snapshot', 'readyMs')?.median)} / ${num(cold(n, 'snapshot', 'answerMs')?.median)}`)], w),
    cells(['    peak RSS, MB', ...seg((n) => num(cold(n, 'snapshot', 'peakRssMb')?.median, 1))], w),
    cells(['  CLI `legal-bot ask "…"` end to end, ms', ...seg((n) => num(r.askOnceMs[n]))], w),
    cells(['  segmenter load, ms', ...seg((n) => num(r.segmenters[n].loadMs))], w),
    cells(['  segmenter resident memory (RSS), MB', ...seg((n) => num(r.segmenters[n].rssMb, 1))], w),
    ...names.filter((n) => r.segmenters[n].unavailable).map((n) => `  ${n}: ${r.segmenters[n].unavailable}`),
    '',
  ];
}

function latency(r, extra) {
  if (r.sizes.length === 0) return [];
  const b = r.baseline;
  const w = [9, 15, 8, 9, 10, 17, 7, 12];
  return [
    `Whole handle() pipeline, ${num(extra.messages)} gold-set messages per size, median of ${extra.rounds} rounds (×: times faster than the baseline)`,
    '  qp99: p99 with each message counted at its question\'s median time (noise-resistant); range: raw p99 min–max over rounds',
    '  build: as a start builds it, with the token cache of an earlier build (and without, the first start after an edit of the lexicon)',
    cells(['  entries', 'build (fresh) ms', 'p50 µs', 'p99 µs', 'qp99 µs', 'raw p99 range', 'p99 ×', 'peak RSS MB'], w),
    ...r.sizes.map((s) =>
      cells([`  ${num(s.entries)}`, `${num(s.buildMs)} (${num(s.freshBuildMs)})`, num(s.p50Us), num(s.p99Us), num(s.qp99Us), range(s.rounds?.p99Us), b ? times(b.p99Us, s.p99Us) : 'n/a', num(s.peakRssMb, 1)], w),
    ),
    `  load (snapshot) ms: ${r.sizes.map((s) => num(s.loadMs)).join(' / ')}; scavenges per run: ${r.sizes.map((s) => num(s.rounds?.['gc.scavenges']?.median)).join(' / ')}`,
    ...(b
      ? [
          `  baseline: fuse.js, default options, over the real KB's ${num(extra.baseline.records)} sample questions + answers:`,
          `  index ${num(extra.baseline.buildMs, 1)} ms, p50 ${num(b.p50Us)} µs, p99 ${num(b.p99Us)} µs (${num(extra.baseline.messages)} queries), peak RSS ${num(extra.baseline.peakRssMb, 1)} MB`,
        ]
      : []),
    '',
  ];
}

function throughput(r, extra) {
  if (r.throughput.c1 === undefined) return [];
  const per = extra.baseline?.perSecond;
  return [
    'Throughput through the fake transport (real KB, full app), messages/s',
    `  1 conversation     ${num(r.throughput.c1).padStart(7)}${per ? `  (${times(r.throughput.c1, per)} the baseline's ${num(per)} queries/s)` : ''}`,
    `  100 conversations  ${num(r.throughput.c100).padStart(7)}${per ? `  (${times(r.throughput.c100, per)})` : ''}`,
    r.throughput.c100Redis === null || r.throughput.c100Redis === undefined
      ? '  100 conversations, state in Redis: n/a (redis-server not installed)'
      : `  100 conversations, state in Redis  ${num(r.throughput.c100Redis).padStart(7)}  (${pct(r.throughput.c100Redis / r.throughput.c100)} of in memory; a local redis-server, one GET and one SET per message)`,
    '',
  ];
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
