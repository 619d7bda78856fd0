/**
 * The gazetteer (knowledge/gazetteer.yaml): the towns and named places of the district, the
 * offices named in answers and the bodies beyond the district the law routes people to, each
 * with its source (a report quote, an article on file, or a line of the register of local
 * facts, knowledge/local-facts.yaml, once staff keep one). Its own sources are checked like
 * an entry's; place-check.ts refuses any other place in an answer.
 */
import { z } from 'zod';
import { SourceSchema } from './schema.js';

const name = z.string().trim().min(1);

/** A source of a place: as an entry's, or a line of the register of local facts (by its id). */
export const PlaceSourceSchema = z.union([SourceSchema, z.strictObject({ kind: z.literal('local-fact'), ref: name })]);

export const GazetteerSchema = z.array(
  z.strictObject({
    name,
    aliases: z.array(name).default([]),
    kind: z.enum(['district', 'city', 'province', 'town', 'office']),
    /** May be named in any text (the district, the city, the window every route ends at). */
    anywhere: z.boolean().default(false),
    /** Where the office is: names of other places of the gazetteer. */
    at: z.array(name).default([]),
    source: z.array(PlaceSourceSchema).min(1, '每个地名至少要有一个出处'),
  }),
);

/** One place of the gazetteer. */
export type Place = z.infer<typeof GazetteerSchema>[number];

/** The gazetteer, with lookups. */
export interface Gazetteer {
  places: readonly Place[];
  /** The place a name or alias stands for. */
  find(nameOrAlias: string): Place | undefined;
  /** Every name and alias, longest first: to find places in running text. */
  names: readonly string[];
  /** Whether `place` stands in `where` (itself, or a place it is `at`, up the chain: 大塘镇 is in 韶关市曲江区 when listed so). */
  within(place: Place, where: Place): boolean;
}

/** Builds the lookups of `places`. */
export function createGazetteer(places: readonly Place[]): Gazetteer {
  const byName = new Map<string, Place>();
  for (const place of places) for (const key of [place.name, ...place.aliases]) if (!byName.has(key)) byName.set(key, place);
  const find = (key: string) => byName.get(key);
  const within = (place: Place, where: Place, depth = 0): boolean =>
    place === where || (depth < 8 && place.at.some((parent) => {
      const up = find(parent);
      return up !== undefined && within(up, where, depth + 1);
    }));
  return { places, find, names: [...byName.keys()].sort((a, b) => b.length - a.length), within };
}

/** Ids of the register of local facts (knowledge/local-facts.yaml) a place may cite; empty while there is none. */
export interface LocalFacts {
  has(id: string): boolean;
}

/** Reads the ids of a parsed register of local facts, whatever else its lines hold: a list of `{ id }`, or `{ facts: [...] }`. */
export function localFactIds(data: unknown): LocalFacts {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { facts?: unknown }).facts) ? (data as { facts: unknown[] }).facts : [];
  const ids = new Set(list.flatMap((item) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : [])));
  return { has: (id) => ids.has(id) };
}

/** No register of local facts. */
export const NO_LOCAL_FACTS: LocalFacts = { has: () => false };
