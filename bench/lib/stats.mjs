/** Small numeric helpers for the bench: percentiles, medians, rounding, a seeded PRNG. */

/** The p-th percentile (0..100) of numbers, nearest-rank on a sorted copy. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export const median = (values) => percentile(values, 50);

/** Rounds to `digits` decimals; null stays null. */
export function round(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const MB = 1024 * 1024;

/** Deterministic PRNG (mulberry32) so every run draws the same messages. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Times `fn` per call in microseconds. */
export async function timeEachUs(items, fn) {
  const out = new Float64Array(items.length);
  for (let i = 0; i < items.length; i += 1) {
    const start = process.hrtime.bigint();
    await fn(items[i], i);
    out[i] = Number(process.hrtime.bigint() - start) / 1000;
  }
  return out;
}

/**
 * The p-th percentile of per-message times where each message counts its question's median
 * time: one GC pause or a neighbour's burst on a shared machine moves a raw p99, it hardly
 * moves this one, while a question that is slow every time still sets it.
 * `keys[i]` names the question of `values[i]`.
 */
export function perQuestionPercentile(values, keys, p) {
  const byKey = new Map();
  values.forEach((value, i) => {
    const list = byKey.get(keys[i]);
    if (list) list.push(value);
    else byKey.set(keys[i], [value]);
  });
  const medians = new Map([...byKey].map(([key, list]) => [key, median(list)]));
  return percentile(keys.map((key) => medians.get(key)), p);
}

/** `{min, median, max, n}` of the finite numbers among `values`; null when there are none. */
export function spread(values) {
  const xs = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  if (xs.length === 0) return null;
  return { min: Math.min(...xs), median: median(xs), max: Math.max(...xs), n: xs.length };
}
