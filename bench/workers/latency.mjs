/**
 * One knowledge base size: load time, engine build time (as the app builds it, with the token
 * cache of an earlier build when the checkout has one), then the whole
 * handle() pipeline (createBot + handle, real engine, production logger to /dev/null) timed
 * per message over messages drawn from the gold set (prepared JSON, see lib/gold.mjs), the
 * collections the same messages cause (counted on a second, untimed pass), and this process's
 * peak RSS. With --top1, also the share of in-scope gold cases answered with the right entry,
 * each in a conversation of its own.
 */
import { args, emit, peakRssMb } from '../lib/worker-io.mjs';
import { buildEngineLikeApp, loadCore, loadKnowledgeBase, nullLogger } from '../lib/load-core.mjs';
import { drawIndices, readPreparedGold } from '../lib/gold.mjs';
import { percentile, perQuestionPercentile, timeEachUs } from '../lib/stats.mjs';
import { SYNTHETIC_LIMITS } from '../lib/synth-knowledge.mjs';
import { countGc } from '../lib/gc-count.mjs';

const a = args();
const count = Number(a.messages ?? 10_000);
const warmup = Number(a.warmup ?? 2_000);
const core = await loadCore(['src/service/config/config.js', 'src/logger.js', 'src/answer/engine.js', 'src/bot.js', 'src/answer/read/segment/segmenter.js']);
const config = core.loadConfig({ ...process.env, KNOWLEDGE_DIR: a.knowledge });
const gold = readPreparedGold(a.gold);

let t = performance.now();
const knowledge = await loadKnowledgeBase(core, config.knowledgeDir, {
  limits: a.synthetic ? SYNTHETIC_LIMITS : undefined,
  snapshotDir: a.snapshot,
});
const loadMs = performance.now() - t;
const segmenter = await core.createSegmenter('node-rs-jieba', knowledge.domainWords);
t = performance.now();
// As the app builds it: with the token cache an earlier build left beside the snapshot (opening it counts).
const engine = await buildEngineLikeApp(core, knowledge, segmenter, { answer: config.answerThreshold, clarify: config.clarifyThreshold }, a.snapshot);
const buildMs = performance.now() - t;

const newBot = () =>
  core.createBot({ engine, logger: nullLogger(core), maxMessageChars: config.maxMessageChars, sessionIdleMs: config.sessionIdleMs });
const message = (text, i) => ({ adapter: 'bench', conversationId: `c${i % 1000}`, senderId: 'u', kind: 'text', text });

const bot = newBot();
const drawn = drawIndices(gold.cases, warmup + count);
for (let i = 0; i < warmup; i += 1) await bot.handle(message(gold.cases[drawn[i]].q, i));
const timed = drawn.slice(warmup);
const us = await timeEachUs(timed, (c, i) => bot.handle(message(gold.cases[c].q, i)));
// The same messages again, untimed, to count the collections they cause.
const collections = await countGc(async () => {
  for (const [i, c] of timed.entries()) await bot.handle(message(gold.cases[c].q, i));
});

let top1;
if (a.top1) {
  const fresh = newBot();
  let right = 0;
  for (const [i, c] of gold.inScope.entries()) {
    const reply = await fresh.handle({ ...message(c.q, 0), conversationId: `gold-${i}` });
    if (reply.kind === 'answer' && reply.entryId === c.expect) right += 1;
  }
  top1 = right / gold.inScope.length;
}

emit({
  entries: knowledge.entries.length,
  loadMs,
  buildMs,
  p50Us: percentile(us, 50),
  p99Us: percentile(us, 99),
  qp99Us: perQuestionPercentile(us, timed, 99),
  maxUs: percentile(us, 100),
  messages: us.length,
  gc: collections,
  peakRssMb: peakRssMb(),
  top1,
});
