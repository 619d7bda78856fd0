/**
 * Repeated, interleaved runs: every round runs each variant once in a fresh process, the
 * order reversed every other round (A B, B A, …), so a neighbour's burst or a slow drift on
 * a shared machine falls on both sides alike. Figures are then read as min / median over the
 * rounds, and an A/B difference as the median of the per-round ratios.
 */
import { median, round, spread } from './stats.mjs';

/** Runs `run(variant, round)` for `rounds` rounds over `variants`; returns one result list per variant. */
export async function interleave(variants, rounds, run, log = () => undefined) {
  const results = variants.map(() => []);
  for (let r = 0; r < rounds; r += 1) {
    const order = variants.map((_, i) => i);
    if (r % 2 === 1) order.reverse();
    for (const i of order) {
      log(`  round ${r + 1}/${rounds}: ${variants[i].name}`);
      results[i].push(await run(variants[i], r));
    }
  }
  return results;
}

/** `{key: {min, median, max, n}}` over the results, each value rounded. */
export function summarize(results, keys, digits = 1) {
  return Object.fromEntries(
    keys.map((key) => {
      const s = spread(results.map((result) => pick(result, key)));
      return [key, s && { min: round(s.min, digits), median: round(s.median, digits), max: round(s.max, digits), n: s.n }];
    }),
  );
}

/** The median over rounds of b / a for `key` (rounds paired by index). */
export function pairedRatio(a, b, key) {
  const ratios = a.map((x, i) => pick(b[i], key) / pick(x, key)).filter(Number.isFinite);
  return ratios.length > 0 ? round(median(ratios), 3) : null;
}

/** A value by dotted key (`gc.scavenges`). */
export function pick(object, key) {
  return key.split('.').reduce((value, part) => value?.[part], object);
}
