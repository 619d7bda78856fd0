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
