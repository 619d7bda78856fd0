/**
 * Feature strings to the small integers the model indexes by, fixed at training: a feature seen
 * fewer than `minCount` times in training is left out (it cannot have learned anything), and a
 * feature never seen in training is ignored at reading.
 */
export class Vocabulary {
  private readonly ids: Map<string, number>;

  private constructor(ids: Map<string, number>) {
    this.ids = ids;
  }

  /** Builds the vocabulary from the training examples' features, in order of first sight. */
  static fromTraining(examples: Iterable<readonly string[]>, minCount: number): Vocabulary {
    const counts = new Map<string, number>();
    for (const features of examples) for (const feature of features) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const ids = new Map<string, number>();
    for (const [feature, count] of counts) if (count >= minCount) ids.set(feature, ids.size);
    return new Vocabulary(ids);
  }

  /** A vocabulary read back from a snapshot: the features in id order. */
  static fromList(features: readonly string[]): Vocabulary {
    return new Vocabulary(new Map(features.map((feature, index) => [feature, index])));
  }

  get size(): number {
    return this.ids.size;
  }

  /** The ids of the features the vocabulary knows, in the order given. */
  idsOf(features: readonly string[]): number[] {
    const out: number[] = [];
    for (const feature of features) {
      const id = this.ids.get(feature);
      if (id !== undefined) out.push(id);
    }
    return out;
  }

  /** The features in id order (for a snapshot). */
  list(): string[] {
    return [...this.ids.keys()];
  }
}
