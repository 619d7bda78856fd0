/**
 * The danger lexicon of hazards.yaml, compiled: every word (in the normalizer's form, as
 * messages are) in one trie, so a clause is scanned once, in time linear in its length whatever
 * the lexicon's size. The everyday readings of ambiguous words (打官司, 开刀, 打我电话) are taken
 * out of the clause before its words are looked up.
 */
import type { HazardMarker, HazardsData } from '../knowledge/hazards-schema.js';

/** What one clause holds: the kinds of its danger words and its markers. */
export interface LexiconReading {
  kinds: string[];
  markers: Set<HazardMarker>;
}

export interface HazardLexicon {
  read(clause: string): LexiconReading;
  /** The emergency category of a kind. */
  categoryOf(kind: string): string | undefined;
  /** A word of this kind alone puts the safety line on the reply. */
  lines(kind: string): boolean;
  /** A word of this kind with a marker raises an emergency (in a message of `alarmMinChars` letters). */
  alarms(kind: string): boolean;
  readonly alarmMinChars: number;
}

type Label = { kind: string } | { marker: HazardMarker } | { ordinary: true };

interface Node {
  next: Map<string, Node>;
  labels?: Label[];
}

function insert(root: Node, word: string, label: Label): void {
  if (word === '') return;
  let node = root;
  for (const char of word) {
    let child = node.next.get(char);
    if (!child) node.next.set(char, (child = { next: new Map() }));
    node = child;
  }
  (node.labels ??= []).push(label);
}

/** Each match of the trie in `text`: where it starts, ends, and what it is. */
function* matches(root: Node, chars: readonly string[]): Generator<{ start: number; end: number; label: Label }> {
  for (let start = 0; start < chars.length; start += 1) {
    let node: Node | undefined = root;
    for (let end = start; end < chars.length && node; end += 1) {
      node = node.next.get(chars[end] as string);
      for (const label of node?.labels ?? []) yield { start, end: end + 1, label };
    }
  }
}

/** Compiles the lexicon; `normalize` is the messages' normalizer, so words and text agree. */
export function compileLexicon(data: HazardsData, normalize: (text: string) => string): HazardLexicon {
  const root: Node = { next: new Map() };
  const kinds = new Map(Object.entries(data.kinds));
  for (const [kind, { words }] of kinds) for (const word of words) insert(root, normalize(word), { kind });
  for (const [marker, { words }] of Object.entries(data.markers) as Array<[HazardMarker, { words: string[] }]>) {
    for (const word of words) insert(root, normalize(word), { marker });
  }
  for (const { ordinary } of Object.values(data.ambiguous)) for (const phrase of ordinary) insert(root, normalize(phrase), { ordinary: true });

  return {
    read(clause) {
      const chars = [...clause];
      const found = [...matches(root, chars)];
      // An everyday reading covers its characters: no danger word inside it counts.
      const covered = new Uint8Array(chars.length);
      for (const { start, end, label } of found) if ('ordinary' in label) covered.fill(1, start, end);
      const reading: LexiconReading = { kinds: [], markers: new Set() };
      for (const { start, end, label } of found) {
        if ('ordinary' in label) continue;
        if ('kind' in label) {
          if (covered.subarray(start, end).some((flag) => flag === 1)) continue;
          if (!reading.kinds.includes(label.kind)) reading.kinds.push(label.kind);
        } else reading.markers.add(label.marker);
      }
      return reading;
    },
    categoryOf: (kind) => kinds.get(kind)?.category,
    lines: (kind) => kinds.get(kind)?.line === true,
    alarms: (kind) => kinds.get(kind)?.alarm === true,
    alarmMinChars: data.alarmMinChars,
  };
}

const compiled = new WeakMap<HazardsData, HazardLexicon>();

/** One compiled lexicon per hazards.yaml as loaded (the normalizer of the same knowledge base gives the same words). */
export function lexiconFor(data: HazardsData, normalize: (text: string) => string): HazardLexicon {
  let lexicon = compiled.get(data);
  if (!lexicon) compiled.set(data, (lexicon = compileLexicon(data, normalize)));
  return lexicon;
}
