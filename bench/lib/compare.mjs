/**
 * `--compare <checkout>`: the same workers against another checkout's compiled tree (A) and
 * this one (B), interleaved round by round (A B, B A, …) so both see the same machine. Cold
 * start with the snapshot in place, and latency at the real knowledge base and at 10,000
 * entries; each row gives min / median over the rounds and the median per-round ratio B / A.
 */
import fs from 'node:fs';
import path from 'node:path';
import { interleave, pairedRatio, summarize } from './rounds.mjs';

const LATENCY = ['p50Us', 'p99Us', 'qp99Us', 'buildMs', 'loadMs', 'peakRssMb', 'gc.scavenges'];
const COLD = ['spawnToAnswerMs', 'readyMs', 'answerMs', 'peakRssMb'];

export async function compareCheckouts({ other, worker, rounds, messages, gold, tmp, bases, log }) {
  const root = path.resolve(other);
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'app.js'))) throw new Error(`--compare ${root}: no dist/ there (run npm run build in it first)`);
  const variants = [
    { name: `A ${path.basename(root)}`, env: { QLB_BENCH_ROOT: root }, data: path.join(tmp, 'compare-a') },
    { name: 'B this checkout', env: {}, data: path.join(tmp, 'compare-b') },
  ];
  const rows = [];
  const add = (what, keys, [a, b]) => {
    const sa = summarize(a, keys);
    const sb = summarize(b, keys);
    for (const key of keys) rows.push({ what, key, a: sa[key], b: sb[key], ratio: pairedRatio(a, b, key) });
  };

  log(`compare: cold start ×${rounds}, A = ${root}`);
  const cold = (v) => worker('cold-start', { args: { segmenter: 'node-rs-jieba' }, env: { ...v.env, DATA_DIR: v.data } });
  for (const v of variants) await cold(v);
  add('cold start', COLD, await interleave(variants, rounds, async (v) => {
    const out = await cold(v);
    return { spawnToAnswerMs: out.firstOutputMs, ...out.result };
  }, log));

  for (const base of bases) {
    log(`compare: latency at ${base.label} ×${rounds}`);
    const args = { knowledge: base.dir, gold: gold.file, messages, ...(base.synthetic ? { synthetic: 'yes' } : {}) };
    for (const v of variants) await worker('prepare-knowledge', { args: { ...args, snapshot: v.data }, env: v.env, timeoutMs: 900_000 });
    add(`latency, ${base.label}`, LATENCY, await interleave(variants, rounds, async (v) =>
      (await worker('latency', { args: { ...args, snapshot: v.data }, env: v.env, timeoutMs: 900_000 })).result, log));
  }
  return { a: root, b: 'this checkout', rounds, rows };
}

/** The comparison as table lines. */
export function formatComparison(c) {
  if (!c) return [];
  const num = (x) => (x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: 1 }));
  const cell = (s) => (s ? `${num(s.min)} / ${num(s.median)}` : 'n/a');
  return [
    `A/B, interleaved, ${c.rounds} rounds (min / median); ratio = median over rounds of B ÷ A`,
    `  A = ${c.a}`,
    `  B = ${c.b}`,
    `  ${'measure'.padEnd(36)} ${'A'.padStart(19)} ${'B'.padStart(19)} ${'B ÷ A'.padStart(7)}`,
    ...c.rows.map((row) => `  ${`${row.what}: ${row.key}`.padEnd(36)} ${cell(row.a).padStart(19)} ${cell(row.b).padStart(19)} ${num(row.ratio).padStart(7)}`),
    '',
  ];
}
