// Sweeps the matcher's fusion tuning over the regression sets (gold, dev, dev2, problems-dev):
// never over the sealed set. Prints one line per setting, best last. Run after `npm run build`:
//   node bench/tune/sweep.mjs
import fs from 'node:fs';
import YAML from 'yaml';
import { createBot } from '../../dist/src/bot.js';
import { createEngine } from '../../dist/src/answer/engine.js';
import { loadKnowledge } from '../../dist/src/answer/knowledge/load-knowledge.js';
import { silentLogger } from '../../dist/src/logger.js';
import { DEFAULT_TUNING } from '../../dist/src/answer/match/matcher.js';
import { createSegmenter } from '../../dist/src/answer/read/segment/segmenter.js';

const SETS = ['gold-set', 'dev-set', 'dev2-set', 'problems-dev-set', 'problems-dev2-set', 'problems-dev3-set', 'mixed-dev4-set', 'mixed-dev5-set', 'services-dev6-set', 'scope-dev-set'];
const kb = loadKnowledge(new URL('../../knowledge', import.meta.url).pathname);
const segmenter = await createSegmenter('node-rs-jieba', kb.domainWords);
const sets = SETS.map((name) => ({ name, cases: YAML.parse(fs.readFileSync(new URL(`../../test/gold/${name}.yaml`, import.meta.url), 'utf8')) }));
const thresholds = { answer: Number(process.env.ANSWER ?? 0.3), clarify: Number(process.env.CLARIFY ?? 0.28) };

async function score(tuning) {
  const engine = createEngine(kb, segmenter, thresholds, tuning);
  const bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
  const out = {};
  let n = 0;
  for (const { name, cases } of sets) {
    const t = { ans: [0, 0], oos: [0, 0] };
    for (const c of cases) {
      n += 1;
      const r = await bot.handle({ adapter: 'tune', conversationId: `t${n}`, senderId: 't', kind: 'text', text: c.q });
      const got = r.kind === 'answer' ? r.entryId : r.kind;
      const ok = [c.expect].flat().includes(got);
      const k = c.category === 'out-of-scope' ? 'oos' : c.category === 'answer' || c.category === 'robustness' ? 'ans' : undefined;
      if (k) { t[k][0] += ok ? 1 : 0; t[k][1] += 1; }
    }
    out[name] = t;
  }
  return out;
}

const grid = JSON.parse(process.env.GRID ?? '{}');
const keys = Object.keys(grid);
const combos = keys.reduce((acc, key) => acc.flatMap((c) => grid[key].map((v) => ({ ...c, [key]: v }))), [{}]);
const results = [];
for (const combo of combos) {
  const { sharpness, alpha, nameWeight, ...rest } = combo;
  const tuning = {
    ...DEFAULT_TUNING,
    ...rest,
    classifier: { ...DEFAULT_TUNING.classifier, ...(sharpness ? { sharpness } : {}), ...(alpha ? { alpha } : {}), ...(nameWeight ? { nameWeight } : {}) },
  };
  const s = await score(tuning);
  const f = (t) => (100 * t[0] / t[1]).toFixed(1);
  const ans = Object.values(s).reduce((a, t) => [a[0] + t.ans[0], a[1] + t.ans[1]], [0, 0]);
  const oos = Object.values(s).reduce((a, t) => [a[0] + t.oos[0], a[1] + t.oos[1]], [0, 0]);
  const total = ans[0] / ans[1] + oos[0] / oos[1];
  results.push({ combo, total, line: `${JSON.stringify(combo)}  ans ${f(ans)} oos ${f(oos)}  | ${SETS.map((k) => `${k.replace('-set', '')} ${f(s[k].ans)}/${f(s[k].oos)}`).join('  ')}` });
  console.log(results.at(-1).line);
}
results.sort((a, b) => a.total - b.total);
console.log('best:', results.at(-1).line);
