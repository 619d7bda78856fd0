/**
 * Places in a shown text (issue 25 item 5): every place name must be in the gazetteer
 * (knowledge/gazetteer.yaml), a place that is not `anywhere` only where a source of the same
 * owner names it (or cites the article the gazetteer gives for it, or an accepted fact does),
 * and an office said to be somewhere must be there by the gazetteer.
 */
import type { FactOwner, HonestyContext } from './fact-types.js';
import type { Place } from './gazetteer.js';
import type { SpanReport } from './honesty-check.js';
import { parseCitation } from './law-texts.js';

const HAN = /\p{Script=Han}/u;
const WHERE = /^(?:就|也)?(?:在|位于|设在|进驻|搬到|迁到)(?:了)?/u;

/** One place name found in a text. */
interface FoundPlace {
  name: string;
  start: number;
  end: number;
}

/** Every place name of `text`: words ending in a place suffix, and the names known by heart. */
export function findPlaces(text: string, honesty: HonestyContext): FoundPlace[] {
  const { places } = honesty.words;
  const stop = new Set(places.notInPlaceNames);
  const notPlaces = new Set(places.notPlaces);
  const notBefore = new Set(places.notBefore);
  const found: FoundPlace[] = [];
  const known = [...new Set([...honesty.gazetteer.names, ...places.known, ...honesty.placeNames])].sort((a, b) => b.length - a.length);
  for (const name of known) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!found.some((other) => at < other.end && at + name.length > other.start)) found.push({ name, start: at, end: at + name.length });
    }
  }
  for (const suffix of [...places.suffixes].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(suffix); at >= 0; at = text.indexOf(suffix, at + 1)) {
      const end = at + suffix.length;
      if (notBefore.has(text[end] ?? '')) continue;
      // 乡镇, 镇街, 粤省心: a word of notPlaces over the suffix makes it none.
      if ([...notPlaces].some((word) => { const i = word.indexOf(suffix); return i >= 0 && text.startsWith(word, at - i); })) continue;
      let start = at;
      while (start > 0 && at - start < 4 && HAN.test(text[start - 1] as string) && !stop.has(text[start - 1] as string)) start -= 1;
      if (start === at) continue;
      const name = text.slice(start, end);
      if (notPlaces.has(name)) continue;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ name, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Refuses place names the gazetteer lacks, places the owner's sources do not name, and offices put elsewhere. */
export function checkPlaces(text: string, owner: FactOwner, honesty: HonestyContext, report: SpanReport): void {
  const { gazetteer } = honesty;
  const quotes = owner.sources.map((source) => source.quote ?? '').join('\n');
  const facts = honesty.accepted.map((fact) => fact.text).join('\n');
  const cite = (ref: string) => {
    const citation = parseCitation(ref);
    return citation ? `${citation.name}${citation.article}` : ref;
  };
  const lawRefs = new Set(owner.sources.filter((source) => source.kind === 'law').map((source) => cite(source.ref)));
  const named = (place: Place) =>
    [place.name, ...place.aliases].some((name) => quotes.includes(name) || facts.includes(name)) ||
    place.source.some((source) => source.kind === 'law' && lawRefs.has(cite(source.ref)));
  const found = findPlaces(text, honesty);
  for (const spot of found) {
    const place = gazetteer.find(spot.name);
    if (!place) {
      report('place-unknown', spot.start, spot.end, 'gazetteer.yaml 里没有这个地名(本区以外的地方、别区的镇不能写)');
      continue;
    }
    if (!place.anywhere && !named(place)) {
      report('place-unsourced', spot.start, spot.end, `本条来源没有说到“${place.name}”`);
      continue;
    }
    const where = WHERE.exec(text.slice(spot.end, spot.end + 4));
    if (place.kind !== 'office' || !where) continue;
    const next = found.find((other) => other.start === spot.end + where[0].length);
    const there = next && gazetteer.find(next.name);
    if (next && there && place.at.length > 0 && !gazetteer.within(place, there) && !place.at.some((parent) => gazetteer.find(parent) && gazetteer.within(there, gazetteer.find(parent) as Place))) {
      report('place-where', spot.start, next.end, `gazetteer.yaml 写的是“${place.name}”在${place.at.join('、')}`);
    }
  }
}
