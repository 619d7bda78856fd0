/**
 * The classifier's softmax over classes, for every class, number for number as the plain
 * loop computes it, at a fraction of the cost on a large knowledge base: a class no feature
 * of the question reached has a score of 0, so its value depends only on its denominator,
 * and classes share a few hundred denominators (one per total of training weights) however
 * many there are. Those get one exponential per denominator instead of one per class; every
 * value still goes into the sum in class order, so the sum is the same to the last bit.
 */

export interface Posterior {
  /**
   * Writes into `out` the posterior of each class from `scores` (summed gains of the known
   * features) and `known` (how many features were known, > 0), and sets every score back to 0.
   * With `pick`, also puts into `pick.into` the `k` classes of highest posterior among the first
   * `among`, as `topIndices` would over `out`: in the same pass, not one more over every class.
   */
  compute(scores: Float64Array, known: number, out: Float64Array, pick?: { k: number; among: number; into: number[] }): void;
}

export function createPosterior(logDenominator: Float64Array, logAlpha: number, sharpness: number): Posterior {
  const classes = logDenominator.length;
  const groupOf = new Int32Array(classes);
  const byValue = new Map<number, number>();
  const groupDenominator: number[] = [];
  for (let c = 0; c < classes; c += 1) {
    const value = logDenominator[c] as number;
    let g = byValue.get(value);
    if (g === undefined) {
      byValue.set(value, (g = groupDenominator.length));
      groupDenominator.push(value);
    }
    groupOf[c] = g;
  }
  const groups = groupDenominator.length;
  const groupValue = new Float64Array(groups);
  const groupExp = new Float64Array(groups);

  return {
    compute(scores, known, out, pick) {
      // Mean log-likelihood of the known features, so long and short questions compare.
      for (let g = 0; g < groups; g += 1) groupValue[g] = ((0 + known * (logAlpha - (groupDenominator[g] as number))) / known) * sharpness;
      let best = -Infinity;
      for (let c = 0; c < classes; c += 1) {
        const score = scores[c] as number;
        const value =
          score === 0 ? (groupValue[groupOf[c] as number] as number) : ((score + known * (logAlpha - (logDenominator[c] as number))) / known) * sharpness;
        out[c] = value;
        if (value > best) best = value;
      }
      for (let g = 0; g < groups; g += 1) groupExp[g] = Math.exp((groupValue[g] as number) - best);
      let sum = 0;
      for (let c = 0; c < classes; c += 1) {
        const e = scores[c] === 0 ? (groupExp[groupOf[c] as number] as number) : Math.exp((out[c] as number) - best);
        out[c] = e;
        sum += e;
      }
      const top = pick?.into;
      const k = pick?.k ?? 0;
      const among = pick ? Math.min(pick.among, classes) : 0;
      for (let c = 0; c < classes; c += 1) {
        const value = (out[c] as number) / sum;
        out[c] = value;
        scores[c] = 0;
        // topIndices over the finished values, in the same pass (the same order, the same ties).
        if (top && c < among && (top.length < k || value > (out[top[top.length - 1] as number] ?? 0))) {
          let at = top.length;
          while (at > 0 && (out[top[at - 1] as number] ?? 0) < value) at -= 1;
          top.splice(at, 0, c);
          if (top.length > k) top.pop();
        }
      }
    },
  };
}
