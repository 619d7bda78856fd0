/**
 * Money, exactly. Amounts are whole fen (1 yuan = 100 fen) in safe integers; everything in
 * between (an average of twelve wages, 2.5 % of a bracket, half a month) is an exact fraction
 * of bigints, rounded once, half up, to the fen at the end. No float ever holds money: a
 * binary fraction cannot hold 0.1 yuan, and a calculator that is off by a fen is wrong.
 * (Integer fen and bigint fractions rather than decimal.js: the arithmetic needed is four
 * operations and one rounding, which needs no dependency.)
 */

/** An amount in fen: a non-negative safe integer. */
export type Fen = number;

/** An exact fraction `num / den` (den > 0). */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** The fraction `num / den`, reduced. */
export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('ratio: zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { num: n / g, den: d / g };
}

/** a × b. */
export function times(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.num, a.den * b.den);
}

/** a + b. */
export function plus(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function minus(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** Negative, zero or positive as a is less than, equal to or greater than b. */
export function compareRatio(a: Ratio, b: Ratio): number {
  const difference = a.num * b.den - b.num * a.den;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The smaller of two fractions. */
export function minRatio(a: Ratio, b: Ratio): Ratio {
  return compareRatio(a, b) <= 0 ? a : b;
}

/** A fraction of fen rounded half up to whole fen (amounts here are never negative). */
export function roundToFen(amount: Ratio): Fen {
  const magnitude = amount.num < 0n ? -amount.num : amount.num;
  const rounded = (2n * magnitude + amount.den) / (2n * amount.den);
  const fen = Number(amount.num < 0n ? -rounded : rounded);
  if (!Number.isSafeInteger(fen)) throw new RangeError('roundToFen: amount out of range');
  return fen;
}

/** The exact value of a decimal written in digits ("2.5", "0.6", "6000"), or undefined. */
export function decimalRatio(text: string): Ratio | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/u.exec(text.replace(/,/gu, '').trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  return ratio(BigInt(match[1]! + fraction), 10n ** BigInt(fraction.length));
}

/** Whole yuan, or a decimal string of yuan ("7012.50"), as fen; undefined when not exact. */
export function yuanToFen(yuan: number | string): Fen | undefined {
  const amount = typeof yuan === 'number' ? (Number.isSafeInteger(yuan) ? ratio(yuan) : undefined) : decimalRatio(yuan);
  if (!amount) return undefined;
  const fen = times(amount, ratio(100));
  return fen.den === 1n && Number.isSafeInteger(Number(fen.num)) ? Number(fen.num) : undefined;
}

/** Fen as a fraction. */
export function fenRatio(fen: Fen): Ratio {
  return ratio(fen);
}

/** `48,000元`, `58.63元`, `0.50元`: grouped yuan, fen shown only when there are any. */
export function formatYuan(fen: Fen): string {
  const whole = BigInt(fen);
  const yuan = whole / 100n;
  const cents = Number(whole % 100n);
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/gu, ',');
  return cents === 0 ? `${grouped}元` : `${grouped}.${String(cents).padStart(2, '0')}元`;
}
