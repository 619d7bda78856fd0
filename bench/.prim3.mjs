const R = '/work/wt-perf/dist/src';
const { openKnowledge } = await import(`${R}/knowledge/open-knowledge.js`);
const { createSegmenter } = await import(`${R}/segment/segmenter.js`);
const { createEngine } = await import(`${R}/engine.js`);
const { createBot } = await import(`${R}/bot.js`);
const { createLogger } = await import(`${R}/logger.js`);
const { default: pino } = await import('pino');
const kb = await openKnowledge('/work/wt-perf/knowledge', { snapshotDir: '/tmp/perf/snapcache' });
const seg = await createSegmenter('node-rs-jieba', kb.domainWords);
const engine = createEngine(kb, seg, { answer: 0.3, clarify: 0.28 });
const bot = createBot({ engine, logger: createLogger('info', pino.destination({ dest: '/dev/null', sync: true })), maxMessageChars: 500, sessionIdleMs: 600000 });
const gold = JSON.parse((await import('node:fs')).readFileSync('/tmp/perf/g/gold.json', 'utf8'));
const qs = gold.cases.map((c) => c.q).filter((q) => q.length > 80 || /工资都是发现金|判了三年|网上巡回法停|帮我写一篇/.test(q));
const time = async (fn, n = 3000) => { for (let i = 0; i < 300; i++) await fn(i); const c = process.cpuUsage(); for (let i = 0; i < n; i++) await fn(i); const d = process.cpuUsage(c); return ((d.user + d.system) / n).toFixed(1); };
for (const q of qs) {
  const norm = engine.normalize(q);
  const r = [await time(() => engine.normalize(q)), await time(() => seg.cutForSearch(norm)), await time(() => engine.detectEmergency(norm)), await time(() => engine.elsewhere(norm)), await time(() => engine.match(norm)), await time((i) => bot.handle({ adapter: 'b', conversationId: `c${i % 1000}`, senderId: 'u', kind: 'text', text: q }))];
  console.log(`norm ${r[0]} cut ${r[1]} emerg ${r[2]} elsewhere ${r[3]} match ${r[4]} handle ${r[5]} | ${q.length} ${q.slice(0, 24)}`);
}
