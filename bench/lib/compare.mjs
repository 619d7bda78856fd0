/**
 * A/B runs, interleaved round by round (A B, B A, …) so both sides see the same machine:
 * `--compare <checkout>` runs the same workers against another checkout's compiled tree (A)
 * and this one (B); `--ab-flags "<node flags>"` runs this checkout without (A) and with (B) the
 * flags. Cold start with the snapshot in place, and latency at the real knowledge base and at
 * 10,000 entries; each row gives min / median over the rounds and the median per-round ratio B / A.
 */
import fs from 'node:fs';
import path from 'node:path';
import { interleave, pairedRatio, summarize } from './rounds.mjs';

const LATENCY = ['p50Us', 'p99Us', 'qp99Us', 'buildMs', 'loadMs', 'peakRssMb', 'gc.scavenges'];
const COLD = ['spawnToAnswerMs', 'readyMs', 'answerMs', 'peakRssMb'];

/** The two sides of `--compare <checkout>` or `--ab-flags "<flags>"`. */
export function abVariants({ other, flags, tmp }) {
  if (other) {
    const root = path.resolve(other);
    if (!fs.existsSync(path.join(root, 'dist', 'src', 'app.js'))) throw new Error(`--compare ${root}: no dist/ there (run npm run build in it first)`);
    return [
      { name: `A ${root}`, env: { QLB_BENCH_ROOT: root }, execArgv: [], data: path.join(tmp, 'compare-a') },
      { name: 'B this checkout', env: {}, execArgv: [], data: path.join(tmp, 'compare-b') },
    ];
  }
  return [
    { name: 'A without flags', env: {}, execArgv: [], data: path.join(tmp, 'flags-a') },
    { name: `B with ${flags}`, env: {}, execArgv: flags.split(/\s+/).filter(Boolean), data: path.join(tmp, 'flags-b') },
  ];
}

export async function compareVariants({ variants, worker, rounds, messages, gold, bases, log }) {
  const rows = [];
  const add = (what, keys, [a, b]) => {
    const sa = summarize(a, keys);
    const sb = summarize(b, keys);
    for (const key of keys) rows.push({ what, key, a: sa[key], b: sb[key], ratio: pairedRatio(a, b, key) });
  };

  log(`A/B: cold start ×${rounds}: ${variants.map((v) => v.name).join(' vs ')}`);
  const cold = (v) => worker('cold-start', { args: { segmenter: 'node-rs-jieba' }, env: { ...v.env, DATA_DIR: v.data }, execArgv: v.execArgv });
  for (const v of variants) await cold(v);
  add('cold start', COLD, await interleave(variants, rounds, async (v) => {
    const out = await cold(v);
    return { spawnToAnswerMs: out.firstOutputMs, ...out.result };
  }, log));

  for (const base of bases) {
    log(`A/B: latency at ${base.label} ×${rounds}`);
    const args = { knowledge: base.dir, gold: gold.file, messages, ...(base.synthetic ? { synthetic: 'yes' } : {}) };
    for (const v of variants) await worker('prepare-knowledge', { args: { ...args, snapshot: v.data }, env: v.env, timeoutMs: 900_000 });
    add(`latency, ${base.label}`, LATENCY, await interleave(variants, rounds, async (v) =>
      (await worker('latency', { args: { ...args, snapshot: v.data }, env: v.env, execArgv: v.execArgv, timeoutMs: 900_000 })).result, log));
  }
  return { a: variants[0].name, b: variants[1].name, rounds, rows };
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
