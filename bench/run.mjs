#!/usr/bin/env node
/**
 * `npm run bench [-- --json] [-- --cpu-prof[=dir]] [-- --messages N] [-- --runs N]`
 * Runs every configuration in a fresh Node process (workers/), one after another so they do
 * not compete for the 2 cores, and prints a table; with --json the table goes to stderr and
 * stdout's last line is one JSON object. Measures the compiled dist/ (`prebench` builds it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, KNOWLEDGE_DIR, ROOT, dist } from './lib/paths.mjs';
import { median, round } from './lib/stats.mjs';
import { runWorker, timeCommand } from './lib/run-worker.mjs';
import { writeSyntheticKnowledge } from './lib/synth-knowledge.mjs';
import { checkTargets } from './lib/targets.mjs';
import { formatReport } from './lib/report.mjs';
import { readGold } from './lib/gold.mjs';
import { startRedisServer } from './lib/redis-server.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] && !argv[at + 1].startsWith('--') ? argv[at + 1] : (flag(name)?.split('=')[1] ?? fallback);
};
const json = Boolean(flag('json'));
const profileDir = flag('cpu-prof') ? path.resolve(value('cpu-prof', path.join(ROOT, 'bench', 'profiles'))) : undefined;
const messages = Number(value('messages', 10_000));
const runs = Number(value('runs', 5));
const SEGMENTERS = ['node-rs-jieba', 'nodejs-jieba'];
const SIZES = [1_000, 10_000];
const QUESTION = '法律援助去哪里申请';

const log = (text) => process.stderr.write(`${text}\n`);
const worker = (name, options = {}) => runWorker(name, { profileDir, ...options });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-bench-'));
const started = performance.now();
const loadStart = os.loadavg();

try {
  const { loadKnowledge } = await dist('src/knowledge/load-knowledge.js');
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);
  const gold = await readGold();
  const r = { coldStartMs: {}, askOnceMs: {}, segmenters: {}, sizes: [], throughput: {}, top1: null, baseline: null };

  for (const name of SEGMENTERS) {
    log(`segmenter ${name}: load, cold start ×${runs}, CLI ask ×${runs}`);
    const load = (await worker('segmenter-load', { args: { segmenter: name }, execArgv: ['--expose-gc'] })).result;
    if (load.unavailable) {
      r.segmenters[name] = { loadMs: null, rssMb: null, unavailable: load.unavailable };
      r.coldStartMs[name] = null;
      r.askOnceMs[name] = null;
      continue;
    }
    r.segmenters[name] = { loadMs: round(load.loadMs), rssMb: round(load.rssMb) };
    const cold = [];
    const ask = [];
    for (let i = 0; i < runs; i += 1) {
      cold.push((await worker('cold-start', { args: { segmenter: name } })).firstOutputMs);
      // `ask` records the question in DATA_DIR's SQLite store: keep the bench's out of the real one.
      const env = { SEGMENTER: name, KNOWLEDGE_DIR, DATA_DIR: path.join(tmp, 'data') };
      const out = await timeCommand(BIN, ['ask', QUESTION], { env, cwd: ROOT });
      if (!out.out.trim()) throw new Error(`legal-bot ask printed nothing (segmenter ${name})`);
      ask.push(out.ms);
    }
    r.coldStartMs[name] = round(median(cold));
    r.askOnceMs[name] = round(median(ask));
  }

  const dirs = [KNOWLEDGE_DIR, ...SIZES.map((n) => writeSyntheticKnowledge(knowledge, n, tmp))];
  for (const [i, dir] of dirs.entries()) {
    log(`latency: ${i === 0 ? `real KB (${knowledge.entries.length} entries)` : `${SIZES[i - 1]} entries`}, ${messages} messages`);
    const args = { knowledge: dir, messages, ...(i === 0 ? { top1: 'yes' } : {}) };
    const s = (await worker('latency', { args, timeoutMs: 600_000 })).result;
    if (i === 0) r.top1 = round(s.top1, 4);
    r.sizes.push({ entries: s.entries, buildMs: round(s.buildMs), p50Us: round(s.p50Us), p99Us: round(s.p99Us), peakRssMb: round(s.peakRssMb) });
  }

  for (const c of [1, 100]) {
    log(`throughput: ${c} conversation(s)`);
    r.throughput[`c${c}`] = round((await worker('throughput', { args: { concurrency: c, messages } })).result.perSecond, 0);
  }
  log('throughput: 100 conversations, conversation state in Redis');
  const redis = await startRedisServer();
  try {
    r.throughput.c100Redis = redis ? round((await worker('throughput', { args: { concurrency: 100, messages, redis: redis.url } })).result.perSecond, 0) : null;
  } finally {
    await redis?.stop();
  }

  log('reliability: long messages, answering with a healthy and a locked store');
  r.reliability = (await worker('faults', { args: { messages: 2_000 }, timeoutMs: 300_000 })).result;

  log('baseline: fuse.js');
  const base = (await worker('baseline', { args: { messages: Math.min(messages, 1_500) } })).result;
  r.baseline = { top1: round(base.top1, 4), p50Us: round(base.p50Us), p99Us: round(base.p99Us) };

  r.targets = checkTargets(r);
  const extra = { loadStart, messages, inScope: gold.inScope.length, baseline: { ...base, perSecond: 1e6 / base.meanUs } };
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
 * The JSON shape issue 5 names: `coldStartMs` and `askOnceMs` are numbers for the default
 * segmenter; each segmenter's own figures sit beside its `loadMs` and `rssMb`.
 */
function asIssueJson(r) {
  const DEFAULT = 'node-rs-jieba';
  const segmenters = Object.fromEntries(
    Object.entries(r.segmenters).map(([name, s]) => [name, { ...s, coldStartMs: r.coldStartMs[name], askOnceMs: r.askOnceMs[name] }]),
  );
  return { ...r, coldStartMs: r.coldStartMs[DEFAULT], askOnceMs: r.askOnceMs[DEFAULT], segmenters };
}
