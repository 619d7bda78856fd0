/**
 * The naive baseline, as a bot written in a hurry would do it: fuse.js with default options
 * over the raw sample questions and answers (records {question, id}; an answer is indexed as
 * one more "question" of its entry), the top hit's entry id is the reply. Its top-1 on the
 * gold set's in-scope cases, and its time per query over the same draw of gold questions.
 */
import Fuse from 'fuse.js';
import { args, emit, peakRssMb } from '../lib/worker-io.mjs';
import { KNOWLEDGE_DIR } from '../lib/paths.mjs';
import { loadCore } from '../lib/load-core.mjs';
import { drawQuestions, readPreparedGold } from '../lib/gold.mjs';
import { percentile, timeEachUs } from '../lib/stats.mjs';

const a = args();
const count = Number(a.messages ?? 1_500);
const warmup = Number(a.warmup ?? 100);
const core = await loadCore();
const { entries } = core.loadKnowledge(KNOWLEDGE_DIR);
const gold = readPreparedGold(a.gold);

const records = entries.flatMap((e) => [...e.questions.map((question) => ({ question, id: e.id })), { question: e.answer, id: e.id }]);
let t = performance.now();
const fuse = new Fuse(records, { keys: ['question'] });
const buildMs = performance.now() - t;
const top = (q) => fuse.search(q, { limit: 1 })[0]?.item.id;

const right = gold.inScope.filter((c) => top(c.q) === c.expect).length;
const questions = drawQuestions(gold.cases, warmup + count);
for (const q of questions.slice(0, warmup)) top(q);
const us = await timeEachUs(questions.slice(warmup), top);

emit({
  records: records.length,
  buildMs,
  top1: right / gold.inScope.length,
  p50Us: percentile(us, 50),
  p99Us: percentile(us, 99),
  meanUs: us.reduce((sum, x) => sum + x, 0) / us.length,
  messages: us.length,
  peakRssMb: peakRssMb(),
});
