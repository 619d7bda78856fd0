#!/usr/bin/env node
/**
 * `node bench/mask-cost.mjs [--rounds N] [--json]`: the time masking (src/answer/privacy) takes per
 * message, measured on the compiled dist/ (`npm run build` first). Masking runs only on text
 * that is kept, shown to staff or logged (the question kept for a 👎 or a clarify, a fallback's
 * record, debug log lines), never before matching; this is its cost per such message. Each gold
 * question is masked by the engine's masker as it is, and with personal data added (a name
 * with no cue word, a village group, a WeChat id); per question the best of N rounds counts.
 */
import { dist, GOLD_FILE, KNOWLEDGE_DIR } from './lib/paths.mjs';
import { percentile, round } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--rounds');
const rounds = at >= 0 ? Number(argv[at + 1]) : 7;
const json = argv.includes('--json');

const { loadKnowledge } = await dist('src/answer/knowledge/load-knowledge.js');
const { createSegmenter } = await dist('src/answer/read/segment/segmenter.js');
const { createEngine } = await dist('src/answer/engine.js');
const { maskPatterns } = await dist('src/answer/privacy/mask.js');
const { readGoldSet } = await dist('src/eval/run-eval.js');

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const segmenter = await createSegmenter('node-rs-jieba', knowledge.domainWords);
let started = performance.now();
const { mask } = createEngine(knowledge, segmenter, { answer: 0.5, clarify: 0.3 });
const engineMs = performance.now() - started;
const questions = readGoldSet(GOLD_FILE).map((c) => c.q);
const personal = questions.map((q, i) => `${q},我邻居${['张伟', '林小军', '黄建国'][i % 3]}住石堡村三组,微信号 zhang_${i}`);

/** Per text, the best of `rounds` timings, in microseconds. */
function time(texts, fn) {
  const best = new Float64Array(texts.length).fill(Infinity);
  for (let r = 0; r < rounds; r += 1) {
    texts.forEach((text, i) => {
      const t0 = performance.now();
      fn(text);
      best[i] = Math.min(best[i], (performance.now() - t0) * 1000);
    });
  }
  const values = [...best];
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { messages: values.length, meanUs: round(mean), p50Us: round(percentile(values, 50)), p90Us: round(percentile(values, 90)), p99Us: round(percentile(values, 99)), maxUs: round(Math.max(...values)) };
}

const report = {
  rounds,
  engineBuildMs: round(engineMs),
  goldAsIs: time(questions, mask),
  goldWithPersonalData: time(personal, mask),
  patternsOnly: time(questions, maskPatterns),
};
if (json) console.log(JSON.stringify(report));
else {
  console.log(`masking per message (best of ${rounds} rounds), µs; engine build (masker included) ${report.engineBuildMs} ms`);
  for (const name of ['goldAsIs', 'goldWithPersonalData', 'patternsOnly']) {
    const r = report[name];
    console.log(`  ${name.padEnd(22)} n=${r.messages}  mean ${r.meanUs}  p50 ${r.p50Us}  p90 ${r.p90Us}  p99 ${r.p99Us}  max ${r.maxUs}`);
  }
}
