/**
 * Start-up per segmenter: the segmenter's own load time and memory; cold start (spawn → first
 * answer) with the knowledge snapshot in place, as every start after the first, and without it
 * (a fresh DATA_DIR, as the first start after a knowledge edit), interleaved round by round;
 * and the CLI `ask` end to end.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BIN, KNOWLEDGE_DIR, MEASURED_ROOT } from './paths.mjs';
import { median, round } from './stats.mjs';
import { interleave, summarize } from './rounds.mjs';
import { timeCommand } from './run-worker.mjs';

const QUESTION = '法律援助去哪里申请';

/** Returns `{coldStartMs, askOnceMs, segmenters, coldStart}` keyed by segmenter name. */
export async function measureStartup({ worker, runs, tmp, log, segmenters }) {
  const r = { coldStartMs: {}, askOnceMs: {}, segmenters: {}, coldStart: {} };
  for (const name of segmenters) {
    log(`segmenter ${name}: load, cold start ×${runs} with and without the snapshot, CLI ask ×${runs}`);
    const load = (await worker('segmenter-load', { args: { segmenter: name }, execArgv: ['--expose-gc'] })).result;
    if (load.unavailable) {
      r.segmenters[name] = { loadMs: null, rssMb: null, unavailable: load.unavailable };
      r.coldStartMs[name] = null;
      r.askOnceMs[name] = null;
      continue;
    }
    r.segmenters[name] = { loadMs: round(load.loadMs), rssMb: round(load.rssMb) };
    const warmDir = path.join(tmp, `data-${name}`);
    let fresh = 0;
    const variants = [
      { name: 'snapshot', env: () => ({ DATA_DIR: warmDir }) },
      { name: 'no snapshot', env: () => ({ DATA_DIR: path.join(tmp, `fresh-${name}-${(fresh += 1)}`) }) },
    ];
    const cold = (variant) => worker('cold-start', { args: { segmenter: name }, env: { SEGMENTER: name, ...variant.env() } });
    await cold(variants[0]); // writes the snapshot and warms the file cache; not counted
    const [warm, none] = await interleave(variants, runs, async (variant) => {
      const out = await cold(variant);
      return { spawnToAnswerMs: out.firstOutputMs, ...out.result };
    }, log);
    const ask = [];
    for (let i = 0; i < runs; i += 1) {
      // `ask` records nothing without --record; DATA_DIR still points at the bench's folder (the snapshot lives there).
      const env = { SEGMENTER: name, KNOWLEDGE_DIR, DATA_DIR: warmDir };
      const out = await timeCommand(BIN, ['ask', QUESTION], { env, cwd: MEASURED_ROOT });
      if (!out.out.trim()) throw new Error(`legal-bot ask printed nothing (segmenter ${name})`);
      ask.push(out.ms);
    }
    r.coldStartMs[name] = round(median(warm.map((x) => x.spawnToAnswerMs)));
    r.askOnceMs[name] = round(median(ask));
    r.coldStart[name] = {
      snapshot: summarize(warm, ['spawnToAnswerMs', 'readyMs', 'answerMs', 'peakRssMb']),
      noSnapshot: summarize(none, ['spawnToAnswerMs', 'readyMs', 'answerMs', 'peakRssMb']),
    };
    for (let i = 1; i <= fresh; i += 1) fs.rmSync(path.join(tmp, `fresh-${name}-${i}`), { recursive: true, force: true });
  }
  return r;
}
