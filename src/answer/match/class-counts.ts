/**
 * Weighted counts of (feature, class) pairs while a classifier trains, in flat typed arrays
 * that grow by doubling; packed at the end into postings: for each feature, the classes that
 * saw it (in the order they did) and a value computed from each count.
 */

/** The packed postings: feature f's classes are `classOf[starts[f] .. starts[f + 1])`, with `gainOf` beside them. */
export interface Postings {
  starts: Int32Array;
  classOf: Int32Array;
  gainOf: Float64Array;
}

function grow<T extends Int32Array | Float64Array>(array: T, size: number, fill = 0): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

export interface ClassCounts {
  /** Adds `weight` to feature `f` in class `c`; classes must come in increasing order. */
  count(f: number, c: number, weight: number): void;
  /** Packs the counts of `features` features, turning each count into `gain(count)`. */
  pack(features: number, gain: (count: number) => number): Postings;
}

export function createClassCounts(): ClassCounts {
  /** The slot of each feature's count in the class being counted, and that class. */
  let lastSlot = new Int32Array(1024);
  let lastClass = new Int32Array(1024).fill(-1);
  let slotFeature = new Int32Array(4096);
  let slotClass = new Int32Array(4096);
  let slotCount = new Float64Array(4096);
  let slots = 0;
  return {
    count(f, c, weight) {
      lastSlot = grow(lastSlot, f + 1);
      lastClass = grow(lastClass, f + 1, -1);
      if (lastClass[f] !== c) {
        slotFeature = grow(slotFeature, slots + 1);
        slotClass = grow(slotClass, slots + 1);
        slotCount = grow(slotCount, slots + 1);
        slotFeature[slots] = f;
        slotClass[slots] = c;
        lastClass[f] = c;
        lastSlot[f] = slots;
        slots += 1;
      }
      const slot = lastSlot[f] as number;
      slotCount[slot] = (slotCount[slot] as number) + weight;
    },
    pack(features, gain) {
      const starts = new Int32Array(features + 1);
      for (let s = 0; s < slots; s += 1) starts[(slotFeature[s] as number) + 1] = (starts[(slotFeature[s] as number) + 1] as number) + 1;
      for (let f = 0; f < features; f += 1) starts[f + 1] = (starts[f + 1] as number) + (starts[f] as number);
      const classOf = new Int32Array(slots);
      const gainOf = new Float64Array(slots);
      const filled = starts.slice(0, features);
      // Slots are in training order, so each feature's classes come out in increasing order.
      for (let s = 0; s < slots; s += 1) {
        const at = (filled[slotFeature[s] as number] as number)++;
        classOf[at] = slotClass[s] as number;
        gainOf[at] = gain(slotCount[s] as number);
      }
      return { starts, classOf, gainOf };
    },
  };
}
