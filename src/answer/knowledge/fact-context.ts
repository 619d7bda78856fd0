/**
 * The context of the fact check: the hotlines, laws and reports texts are compared against, and
 * what the honesty rules read (honesty.yaml, the hotline registry, the gazetteer, accepted facts).
 */
import { createGazetteer, type Place } from './gazetteer.js';
import { createTermFinder, type HonestyWords } from './honesty-schema.js';
import { createHotlineRegistry } from './hotlines.js';
import type { LawLibrary } from './law-texts.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { createStatistics, type ReportDoc } from './report-stats.js';
import type { AcceptedFact, FactContext, HonestyContext } from './fact-types.js';
import type { Hotline } from './schema.js';

/** What the honesty rules read: honesty.yaml, the gazetteer, other place names, accepted facts. */
export interface HonestyInput {
  words: HonestyWords;
  places: readonly Place[];
  placeNames?: readonly string[];
  accepted?: readonly AcceptedFact[];
}

/** Builds the context of the check; without `honesty` the rules of honesty.yaml are off (tests of the older rules). */
export function createFactContext(hotlines: readonly Hotline[], laws: LawLibrary, reports: readonly ReportDoc[], honesty?: HonestyInput): FactContext {
  const hotlineNumbers = new Set(hotlines.map((hotline) => hotline.number));
  const numbers = new Map<string, NumberMention[]>();
  const numbersOf = (text: string) => {
    let found = numbers.get(text);
    if (!found) numbers.set(text, (found = findNumbers(text)));
    return found;
  };
  const context: FactContext = { hotlines, laws, reports, statistics: createStatistics(reports, hotlineNumbers), hotlineNumbers, numbersOf };
  if (honesty) {
    const terms = createTermFinder(honesty.words.terms);
    context.honesty = {
      words: honesty.words,
      terms,
      registry: createHotlineRegistry(hotlines, terms),
      gazetteer: createGazetteer([...honesty.places, ...factPlaces(honesty.accepted ?? [])]),
      placeNames: honesty.placeNames ?? [],
      accepted: honesty.accepted ?? [],
    };
  }
  return context;
}

/**
 * The same context with `facts` accepted as sources of every text besides the owners' own, and
 * the places they verify added to the gazetteer: the register of staff-verified local facts
 * (issue 24) plugs in here.
 */
export function withAcceptedFacts(context: FactContext, facts: readonly AcceptedFact[]): FactContext {
  if (!context.honesty) return context;
  const places = [...context.honesty.gazetteer.places, ...factPlaces(facts)];
  const honesty: HonestyContext = { ...context.honesty, gazetteer: createGazetteer(places), accepted: [...context.honesty.accepted, ...facts] };
  return { ...context, honesty };
}

/** The places accepted facts verify, as gazetteer lines whose source is the fact. */
function factPlaces(facts: readonly AcceptedFact[]): Place[] {
  return facts.flatMap((fact) =>
    fact.place
      ? [{ name: fact.place.name, aliases: fact.place.aliases ?? [], kind: fact.place.kind, anywhere: false, at: fact.place.at ?? [], source: [{ kind: 'local-fact' as const, ref: fact.id }] }]
      : [],
  );
}

