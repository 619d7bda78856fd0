/** The targets of issues 5 and 14, checked against the figures; a target whose figure was not measured reads n/a. */

const fmt = (x, unit) => (x === null || x === undefined ? 'n/a' : `${x.toLocaleString('en-US')} ${unit}`);

export function checkTargets(r) {
  const size = (n) => r.sizes.find((s) => s.entries === n);
  const real = r.sizes[0];
  const big = size(10_000);
  const cold = r.coldStartMs['node-rs-jieba'];
  const speedup = r.baseline && real ? r.baseline.p99Us / real.p99Us : undefined;
  const row = (target, limit, value, met) => ({ target, limit, value, met: value === 'n/a' ? null : met });
  return [
    row(`p99 per message at the real KB${real ? ` (${real.entries} entries)` : ''}`, '≤ 100 µs', fmt(real?.p99Us, 'µs'), real?.p99Us <= 100),
    row('p99 per message at 10,000 entries', '≤ 1 ms', fmt(big?.p99Us, 'µs'), big?.p99Us <= 1000),
    row('index build at 10,000 entries (token cache)', '≤ 1 s', big?.freshBuildMs ? `${fmt(big?.buildMs, 'ms')} (fresh ${fmt(big.freshBuildMs, 'ms')})` : fmt(big?.buildMs, 'ms'), big?.buildMs <= 1000),
    row('cold start to first answer, node-rs-jieba', '≤ 300 ms', fmt(cold, 'ms'), cold <= 300),
    row('peak RSS at the real KB', '≤ 150 MB', fmt(real?.peakRssMb, 'MB'), real?.peakRssMb <= 150),
    row('peak RSS at 10,000 entries', '≤ 250 MB', fmt(big?.peakRssMb, 'MB'), big?.peakRssMb <= 250),
    row('p99 vs the fuse.js baseline (real KB)', '≥ 50× faster', speedup === undefined ? 'n/a' : `${speedup.toFixed(1)}×`, speedup >= 50),
    row('top-1 vs the fuse.js baseline', 'higher', r.top1 === null || !r.baseline ? 'n/a' : `${pct(r.top1)} vs ${pct(r.baseline.top1)}`, r.top1 > r.baseline?.top1),
  ];
}

export const pct = (x) => (x === null || x === undefined ? 'n/a' : `${(100 * x).toFixed(1)}%`);
