/**
 * The shapes the fact check works on: texts with the sources they stand on (owners), and
 * what they are compared against (context, built by createFactContext in fact-check.ts).
 */
import type { LawLibrary } from './law-texts.js';
import type { NumberMention } from './numbers.js';
import type { ReportDoc, Statistics } from './report-stats.js';
import type { Hotline, SourceRef } from './schema.js';

/** One user-visible text of an owner, e.g. `{ field: 'answer', text }`. */
export interface FactText {
  field: string;
  text: string;
}

/** Something with texts and the sources they stand on: an entry, a problem card, a topic. */
export interface FactOwner {
  file: string;
  /** Id shown as `id=<id>.` before each field; none for whole-file texts (meta messages). */
  id?: string;
  texts: FactText[];
  sources: readonly SourceRef[];
  /** Name of the sources field, for problems about a source; default `source`. */
  sourcesField?: string;
  /** Sample questions: an owner asked "能赢吗" must not let a district rate read as the odds. */
  questions?: readonly string[];
}

/** What the check compares against. Build once per knowledge base with `createFactContext` (fact-check.ts). */
export interface FactContext {
  hotlines: readonly Hotline[];
  laws: LawLibrary;
  reports: readonly ReportDoc[];
  statistics: Statistics;
  hotlineNumbers: ReadonlySet<string>;
  /** Numbers of a source text, remembered: the same quotes back many entries. */
  numbersOf(text: string): NumberMention[];
}
