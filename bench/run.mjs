#!/usr/bin/env node
/**
 * `npm run bench [-- --json] [-- --http] [-- --compare <checkout> | --ab-flags "<node flags>"] [-- --rounds N] [-- --runs N]
 *   [-- --messages N] [-- --real-only] [-- --only startup,latency,throughput,reliability,baseline,http] [-- --cpu-prof[=dir]]`
 * Runs every configuration in a fresh Node process (workers/), one after another so they do
 * not compete for the 2 cores, repeated and interleaved (lib/rounds.mjs), and prints a table;
 * with --json the table goes to stderr and stdout's last line is one JSON object. Measures the
 * compiled dist/ (`prebench` builds it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KNOWLEDGE_DIR, dist } from './lib/paths.mjs';
import { round } from './lib/stats.mjs';
import { runWorker } from './lib/run-worker.mjs';
import { writeSyntheticKnowledge } from './lib/synth-knowledge.mjs';
import { checkTargets } from './lib/targets.mjs';
import { formatReport } from './lib/report.mjs';
import { prepareGold } from './lib/gold.mjs';
import { startRedisServer } from './lib/redis-server.mjs';
import { measureStartup } from './lib/startup.mjs';
import { measureLatency } from './lib/latency-sizes.mjs';
import { abVariants, compareVariants } from './lib/compare.mjs';
import { measureHttp } from './lib/http-load.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
/** `--name value` or `--name=value` (everything after the first "=", so `--ab-flags=--max-semi-space-size=8` works). */
const value = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  if (at >= 0 && argv[at + 1] && !argv[at + 1].startsWith('--')) return argv[at + 1];
  const given = flag(name);
  return given?.includes('=') ? given.slice(given.indexOf('=') + 1) : fallback;
};
const json = Boolean(flag('json'));
const profileDir = flag('cpu-prof') ? path.resolve(value('cpu-prof', path.join(process.cwd(), 'bench', 'profiles'))) : undefined;
const messages = Number(value('messages', 10_000));
const runs = Number(value('runs', 5));
const rounds = Number(value('rounds', 3));
const other = value('compare', undefined);
const abFlags = value('ab-flags', undefined);
const DEFAULT_SECTIONS = ['startup', 'latency', 'throughput', 'reliability', 'baseline'];
const sections = new Set(value('only', undefined)?.split(',') ?? [...DEFAULT_SECTIONS, ...(flag('http') ? ['http'] : [])]);
const SEGMENTERS = ['node-rs-jieba', 'nodejs-jieba'];
const SIZES = [1_000, 10_000];

const log = (text) => process.stderr.write(`${text}\n`);
const worker = (name, options = {}) => runWorker(name, { profileDir, ...options });
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-bench-')));
const started = performance.now();
const loadStart = os.loadavg();

try {
  const { loadKnowledge } = await dist('src/answer/knowledge/load-knowledge.js');
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  const gold = await prepareGold(tmp);
  const r = { coldStartMs: {}, askOnceMs: {}, segmenters: {}, sizes: [], throughput: {}, top1: null, baseline: null };
  const synthetic = () => SIZES.map((n) => ({ dir: writeSyntheticKnowledge(knowledge, n, tmp), synthetic: true, label: `${n.toLocaleString('en-US')} entries` }));
  // --real-only: the real knowledge base alone (the synthetic sizes take most of the time).
  const bases = sections.has('latency') || other || abFlags ? [{ dir: KNOWLEDGE_DIR, label: 'real KB' }, ...(flag('real-only') ? [] : synthetic())] : [];

  if (sections.has('startup')) Object.assign(r, await measureStartup({ worker, runs, tmp, log, segmenters: SEGMENTERS }));
  if (sections.has('latency')) {
    log(`latency: ${bases.length} sizes × ${rounds} rounds, ${messages} messages each`);
    Object.assign(r, await measureLatency({ worker, bases, rounds, messages, gold, snapshotDir: path.join(tmp, 'snapshots'), log }));
  }
  if (sections.has('throughput')) {
    for (const c of [1, 100]) {
      log(`throughput: ${c} conversation(s)`);
      r.throughput[`c${c}`] = round((await worker('throughput', { args: { concurrency: c, messages, gold: gold.file } })).result.perSecond, 0);
    }
    log('throughput: 100 conversations, conversation state in Redis');
    const redis = await startRedisServer();
    try {
      const args = { concurrency: 100, messages, gold: gold.file, redis: redis?.url };
      r.throughput.c100Redis = redis ? round((await worker('throughput', { args })).result.perSecond, 0) : null;
    } finally {
      await redis?.stop();
    }
  }
  if (sections.has('reliability')) {
    log('reliability: long messages, answering with a healthy and a locked store');
    r.reliability = (await worker('faults', { args: { messages: 2_000 }, timeoutMs: 300_000 })).result;
  }
  let base;
  if (sections.has('baseline')) {
    log('baseline: fuse.js');
    base = (await worker('baseline', { args: { messages: Math.min(messages, 1_500), gold: gold.file } })).result;
    r.baseline = { top1: round(base.top1, 4), p50Us: round(base.p50Us), p99Us: round(base.p99Us) };
  }
  if (sections.has('http')) r.http = await measureHttp({ gold, tmp, log });
  if (other || abFlags) {
    const variants = abVariants({ other, flags: abFlags, tmp });
    r.compare = await compareVariants({ variants, worker, rounds, messages, gold, bases: [bases[0], bases[2]].filter(Boolean), log });
  }

  r.targets = checkTargets(r);
  const extra = { loadStart, messages, rounds, inScope: gold.inScope.length, baseline: base && { ...base, perSecond: 1e6 / base.meanUs } };
  const table = formatReport(r, extra);
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s${profileDir ? `; CPU profiles in ${profileDir} (node bench/summarize-profile.mjs <file>)` : ''}\n`);
  if (json) {
    log(table);
    process.stdout.write(`${JSON.stringify(asIssueJson(r))}\n`);
  } else {
    process.stdout.write(`${table}\n`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

/**
 * The JSON shape issue 5 named, kept (issue 14 adds keys, renames none): `coldStartMs` and
 * `askOnceMs` are numbers for the default segmenter; each segmenter's own figures sit beside
 * its `loadMs` and `rssMb`.
 */
function asIssueJson(r) {
  const DEFAULT = 'node-rs-jieba';
  const segmenters = Object.fromEntries(
    Object.entries(r.segmenters).map(([name, s]) => [name, { ...s, coldStartMs: r.coldStartMs[name], askOnceMs: r.askOnceMs[name] }]),
  );
  return { ...r, coldStartMs: r.coldStartMs[DEFAULT] ?? null, askOnceMs: r.askOnceMs[DEFAULT] ?? null, segmenters };
}
