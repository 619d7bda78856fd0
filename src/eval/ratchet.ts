/**
 * The ratchet of the evaluation sets: a committed baseline of the cases each set passes, and the
 * cases that flip against it. `npm test` lists every case that flips from pass to fail and fails
 * when a set loses more than it gains beyond a small tolerance; a change that really moves cases
 * re-baselines (UPDATE_BASELINE=1) with the reason in its commit message.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** A stable key of a case: the text asked (with the dialogue and turn for a dialogue's turn). */
export function caseKey(text: string, dialogue?: { name: string; turn: number }): string {
  const source = dialogue ? `${dialogue.name}#${dialogue.turn}#${text}` : text;
  return createHash('sha256').update(source).digest('hex').slice(0, 12);
}

/** Per set, the keys of its passing cases. */
export type Baseline = Record<string, string[]>;

/** How a set's run compares with its baseline. */
export interface Flips {
  /** Passed in the baseline, fail now. */
  lost: string[];
  /** Failed (or were not there) in the baseline, pass now. */
  gained: string[];
  /** Lost beyond gained, against what the set may lose. */
  net: number;
  tolerance: number;
}

/** A set of `size` cases may lose 1% of them net (at least one case) before the ratchet holds. */
export function tolerance(size: number): number {
  return Math.max(1, Math.floor(size / 100));
}

export function compare(baseline: readonly string[] | undefined, passing: readonly string[], size: number): Flips {
  const before = new Set(baseline ?? []);
  const now = new Set(passing);
  const lost = [...before].filter((key) => !now.has(key));
  const gained = [...now].filter((key) => !before.has(key));
  return { lost, gained, net: baseline ? lost.length - gained.length : 0, tolerance: tolerance(size) };
}

export function readBaseline(file: string): Baseline {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Baseline) : {};
}

/** Writes the baseline with sorted keys per set, sets in name order, so its diffs read well. */
export function writeBaseline(file: string, baseline: Baseline): void {
  const sorted = Object.fromEntries(Object.keys(baseline).sort().map((set) => [set, [...(baseline[set] ?? [])].sort()]));
  fs.writeFileSync(file, `${JSON.stringify(sorted, null, 1)}\n`);
}
