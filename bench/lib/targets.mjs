/** The targets of issue 5, checked against the figures. */

export function checkTargets(r) {
  const size = (n) => r.sizes.find((s) => s.entries === n);
  const real = r.sizes[0];
  const big = size(10_000);
  const speedup = r.baseline.p99Us / real.p99Us;
  return [
    { target: `p99 per message at the real KB (${real.entries} entries)`, limit: '≤ 100 µs', value: `${real.p99Us.toLocaleString('en-US')} µs`, met: real.p99Us <= 100 },
    { target: 'p99 per message at 10,000 entries', limit: '≤ 1 ms', value: `${big.p99Us.toLocaleString('en-US')} µs`, met: big.p99Us <= 1000 },
    { target: 'index build at 10,000 entries', limit: '≤ 1 s', value: `${big.buildMs.toLocaleString('en-US')} ms`, met: big.buildMs <= 1000 },
    { target: 'cold start to ready, node-rs-jieba', limit: '≤ 400 ms', value: `${r.coldStartMs['node-rs-jieba']} ms`, met: r.coldStartMs['node-rs-jieba'] <= 400 },
    { target: 'peak RSS at the real KB', limit: '≤ 150 MB', value: `${real.peakRssMb} MB`, met: real.peakRssMb <= 150 },
    { target: 'peak RSS at 10,000 entries', limit: '≤ 250 MB', value: `${big.peakRssMb} MB`, met: big.peakRssMb <= 250 },
    { target: 'p99 vs the fuse.js baseline (real KB)', limit: '≥ 50× faster', value: `${speedup.toFixed(1)}×`, met: speedup >= 50 },
    { target: 'top-1 vs the fuse.js baseline', limit: 'higher', value: `${pct(r.top1)} vs ${pct(r.baseline.top1)}`, met: r.top1 > r.baseline.top1 },
  ];
}

export const pct = (x) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
