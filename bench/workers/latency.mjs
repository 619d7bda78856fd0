/**
 * One knowledge base size: index build time (createEngine), then the whole handle() pipeline
 * (createBot + handle, real engine, production logger to /dev/null) timed per message over
 * messages drawn from the gold set, and this process's peak RSS. With --top1, also the share
 * of in-scope gold cases answered with the right entry, each in a conversation of its own.
 */
import { args, emit, peakRssMb } from '../lib/worker-io.mjs';
import { loadCore, nullLogger } from '../lib/load-core.mjs';
import { drawQuestions, readGold } from '../lib/gold.mjs';
import { percentile, timeEachUs } from '../lib/stats.mjs';

const a = args();
const count = Number(a.messages ?? 10_000);
const warmup = Number(a.warmup ?? 2_000);
const core = await loadCore();
const config = core.loadConfig({ ...process.env, KNOWLEDGE_DIR: a.knowledge });
const gold = await readGold();

let t = performance.now();
const knowledge = core.loadKnowledge(config.knowledgeDir);
const loadMs = performance.now() - t;
const segmenter = await core.createSegmenter('node-rs-jieba', knowledge.domainWords);
t = performance.now();
const engine = core.createEngine(knowledge, segmenter, { answer: config.answerThreshold, clarify: config.clarifyThreshold });
const buildMs = performance.now() - t;

const newBot = () =>
  core.createBot({ engine, logger: nullLogger(core), maxMessageChars: config.maxMessageChars, sessionIdleMs: config.sessionIdleMs });
const message = (text, i) => ({ adapter: 'bench', conversationId: `c${i % 1000}`, senderId: 'u', kind: 'text', text });

const bot = newBot();
const questions = drawQuestions(gold.cases, warmup + count);
for (let i = 0; i < warmup; i += 1) await bot.handle(message(questions[i], i));
const us = await timeEachUs(questions.slice(warmup), (text, i) => bot.handle(message(text, i)));

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
  maxUs: percentile(us, 100),
  messages: us.length,
  peakRssMb: peakRssMb(),
  top1,
});
