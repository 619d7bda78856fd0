const R = '/work/wt-perf/dist/src';
const { createSegmenter } = await import(`${R}/segment/segmenter.js`);
const mb = (x) => (x / 1048576).toFixed(1);
const show = (l) => { globalThis.gc(); const m = process.memoryUsage(); console.log(l.padEnd(14), 'rss', mb(m.rss), 'heapTotal', mb(m.heapTotal), 'ext', mb(m.external)); };
const seg = await createSegmenter('node-rs-jieba', []); show('loaded');
const gold = JSON.parse((await import('node:fs')).readFileSync('/tmp/perf/g/gold.json', 'utf8'));
for (let r = 0; r < 5; r++) { for (let i = 0; i < 12000; i++) seg.cutForSearch(gold.cases[i % gold.cases.length].q); show(`cut ${r}`); }
for (let i = 0; i < 12000; i++) seg.cut(gold.cases[i % gold.cases.length].q); show('cut precise');
