#!/usr/bin/env node
/**
 * `node bench/reload-latency.mjs [checkout] [--runs N]`: residents' latency while staff work
 * (issue 28, item 9). A bot built from `checkout`'s dist/ (this one by default) watches a copy
 * of the knowledge base, as `serve` does, while messages arrive at a steady 200 a second
 * (open loop: a message's latency counts from when it was due, so a blocked event loop shows
 * in every message that waited). During each of three staff actions — adding a sample
 * question as the console does (its check, the reload, the watcher's reload after it), 重新加载
 * after an edit, and 重新加载 with nothing changed — the messages due from the action's start
 * until it and every reload it caused are done are measured; p50, p99 and max in ms, per
 * action over `--runs` repetitions, and the same for a quiet stretch as the baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = Math.min(12, runsAt >= 0 ? Number(argv[runsAt + 1]) : 5);
const checkout = path.resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs') ?? new URL('..', import.meta.url).pathname);
const load = (module) => import(pathToFileURL(path.join(checkout, 'dist', 'src', module)).href);

const [{ createApp }, { loadConfig }, { silentLogger }, { createKnowledgeEditor }] = await Promise.all([
  load('app.js'),
  load('config.js'),
  load('logger.js'),
  load('staff/add-sample-question.js'),
]);

const EVERY_MS = 5;
const QUESTIONS = ['法律援助在哪里申请', '工资被拖欠找谁', '公证要带什么材料', '离婚怎么办', '你好', '法律援助', '调解收费吗', '律师怎么找'];
const ADDED = [
  '法援中心周六开门吗', '法律援助周末能去办吗', '节假日可以申请法律援助吗', '晚上能去法援中心吗', '中午去法援中心有人吗', '法援窗口几点下班',
  '法援中心礼拜天上班吗', '法援中心国庆放假吗', '春节期间能申请法律援助吗', '法援窗口下午几点开门', '早上八点法援中心开了吗', '法援中心星期一上班吗',
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-reload-latency-'));
const knowledgeDir = path.join(work, 'knowledge');
fs.cpSync(path.join(checkout, 'knowledge'), knowledgeDir, { recursive: true });
const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'silent' }, work);
let reloadsDone = 0;
let builds = 0;
// A reload that found the folder as it serves (an outcome marked unchanged) built nothing.
const onReload = (outcome) => {
  reloadsDone += 1;
  if (outcome.ok && !outcome.unchanged) builds += 1;
};
const app = await createApp(config, silentLogger(), { hooks: { onReload } });
const stopWatching = app.watchKnowledge({ debounceMs: 100 });
// As the staff console wires it; a build without App.checkKnowledge checked on this thread.
const editor = createKnowledgeEditor({
  knowledgeDir,
  knowledge: () => app.bot.engine.knowledge,
  reload: (reason) => app.reload(reason),
  ...(app.planSampleQuestion ? { plan: (request) => app.planSampleQuestion(request) } : {}),
});

/** Sends messages every EVERY_MS from now until stopped; each one's latency from when it was due. */
function load_() {
  const started = performance.now();
  const samples = [];
  let n = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    // Every message due by now is sent (a blocked loop sends its backlog at once).
    while (started + n * EVERY_MS <= now) {
      const due = started + n * EVERY_MS;
      const text = QUESTIONS[n % QUESTIONS.length];
      const conversation = `resident-${n % 50}`;
      n += 1;
      void app.handler({ adapter: 'web', conversationId: conversation, senderId: conversation, kind: 'text', text }).then(() => samples.push({ due, ms: performance.now() - due }));
    }
    setTimeout(tick, 1);
  };
  tick();
  return {
    samples: (from, to) => samples.filter((s) => s.due >= from && s.due <= to).map((s) => s.ms),
    stop: () => (stopped = true),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until no reload has finished for `quietMs` (the watcher's reload after an edit, if any). */
async function settle(quietMs = 600) {
  let seen = reloadsDone;
  let since = performance.now();
  while (performance.now() - since < quietMs) {
    await sleep(25);
    if (reloadsDone !== seen) {
      seen = reloadsDone;
      since = performance.now();
    }
  }
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const actions = {
  baseline: async () => sleep(800),
  'add a sample question': async (i) => {
    const outcome = await editor.addSampleQuestion('legal-aid.where', ADDED[i % ADDED.length]);
    if (!outcome.ok) throw new Error(`add refused: ${outcome.reasons.join(' ')}`);
  },
  '重新加载 after an edit': async (i) => {
    const file = path.join(knowledgeDir, 'topics.yaml');
    fs.appendFileSync(file, `# edit ${i}\n`);
    await app.reload('bench');
  },
  '重新加载, nothing changed': async () => void (await app.reload('bench')),
};

const generator = load_();
await sleep(1_500);
await settle();
const results = {};
for (let run = 0; run < runs; run += 1) {
  for (const [name, act] of Object.entries(actions)) {
    await sleep(300);
    const before = builds;
    const from = performance.now();
    await act(run);
    await settle();
    const to = performance.now() - 600;
    (results[name] ??= { samples: [], reloads: [] }).samples.push(...generator.samples(from, to));
    results[name].reloads.push(builds - before);
  }
}
generator.stop();
stopWatching();
await sleep(200);
await app.close();
fs.rmSync(work, { recursive: true, force: true });

const rows = Object.entries(results).map(([name, { samples, reloads }]) => ({
  action: name,
  messages: samples.length,
  p50: Number(quantile(samples, 0.5).toFixed(1)),
  p99: Number(quantile(samples, 0.99).toFixed(1)),
  max: Number(Math.max(...samples).toFixed(1)),
  'engine builds per action': reloads.join(' '),
}));
console.log(`checkout: ${checkout}`);
console.table(rows);
