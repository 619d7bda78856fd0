#!/usr/bin/env node
/**
 * Prints where a .cpuprofile (from `npm run bench -- --cpu-prof`) spent its time: the top
 * functions by self time, and by total time (self + callees), with file:line.
 * Usage: node bench/summarize-profile.mjs <file.cpuprofile> [top=25]
 */
import fs from 'node:fs';
import path from 'node:path';

const [file, topArg = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/summarize-profile.mjs <file.cpuprofile> [top]\n');
  process.exit(2);
}
const { nodes, samples, timeDeltas, startTime, endTime } = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const selfUs = new Map();
samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (timeDeltas[i] ?? 0)));

const label = (n) => {
  const { functionName, url, lineNumber } = n.callFrame;
  return `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`.trim();
};
const self = new Map();
const total = new Map();
for (const [id, us] of selfUs) {
  const key = label(byId.get(id));
  self.set(key, (self.get(key) ?? 0) + us);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const k = label(byId.get(at));
    if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + us);
    seen.add(k);
  }
}
const all = endTime - startTime;
const print = (title, map) => {
  process.stdout.write(`${title}\n`);
  for (const [k, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg))) {
    process.stdout.write(`  ${((100 * us) / all).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${k}\n`);
  }
};
process.stdout.write(`${path.basename(file)}: ${(all / 1e6).toFixed(2)} s sampled\n`);
print('self time:', self);
print('total time (self + callees):', total);
