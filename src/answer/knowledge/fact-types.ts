/**
 * The shapes the fact check works on: texts with the sources they stand on (owners), and
 * what they are compared against (context, built by createFactContext in fact-check.ts).
 */
import type { LawLibrary } from './law-texts.js';
import type { NumberMention } from './numbers.js';
import type { ReportDoc, Statistics } from './report-stats.js';
import type { Gazetteer } from './gazetteer.js';
import type { HonestyWords, TermFinder } from './honesty-schema.js';
import type { HotlineRegistry } from './hotlines.js';
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
  /** The word lists, hotline registry, gazetteer and accepted facts of the honesty rules; none: those rules are off. */
  honesty?: HonestyContext;
}

/**
 * A fact staff have verified outside the report and the laws (a line of the register of local
 * facts, knowledge/local-facts.yaml, issue 24): its words count as a source for every text.
 */
export interface AcceptedFact {
  /** Stable id of the fact in its register. */
  id: string;
  /** The fact as verified: a place, an hour, a number may be given because this text states it. */
  text: string;
  /** A place the fact verifies (a town, an office and where it is): added to the gazetteer. */
  place?: { name: string; aliases?: string[]; kind: 'town' | 'office'; at?: string[] };
}

/** What the honesty rules read (knowledge/honesty.yaml, hotlines.yaml, gazetteer.yaml, accepted facts). */
export interface HonestyContext {
  words: HonestyWords;
  terms: TermFinder;
  registry: HotlineRegistry;
  gazetteer: Gazetteer;
  /** Places found by name alone besides the gazetteer's (meta.yaml homePlaces, privacy.yaml places.readable). */
  placeNames: readonly string[];
  /** Facts accepted from another source than an owner's own (the register of local facts). */
  accepted: readonly AcceptedFact[];
}
