/**
 * Reads a message for danger before anything else: danger now gets its category's reply first
 * (110 / 119 / 120 / 122), and danger words told after the fact get a safety line on top of
 * whatever else answers. What counts as danger lives in the knowledge base (emergency.yaml), not
 * in code, and runs on a linear-time engine (see linear-pattern.ts).
 *
 * Danger is told in many ways ("有人拿着棍子堵在门口", "女儿到现在还没找到"), so besides fixed
 * patterns a category names danger cues that alarm with a presence cue (门口, 还在, 叫不醒…) in
 * the same clause or a neighbouring one, or a time cue (现在, 刚刚, 今晚…) in the same clause:
 * "他打我,现在住在娘家" tells of the past, "他拿着刀,现在在门口" of danger now. A habitual,
 * past, hypothetical or after-the-fact clause ("他经常打我", "上个月", "如果", "要赔偿") vetoes
 * its own cues only: a question beside danger now ("他拿着刀在门口,我想找律师") never switches
 * the danger off, and a vetoed cue still puts the safety line on the reply.
 */
import type { EmergencyData } from '../knowledge/schema.js';
import { splitClauses } from '../read/clauses.js';
import type { HazardLexicon, LexiconReading } from './hazard-lexicon.js';
import { anyOf, lazyAnyOf, memo } from './pattern-lists.js';

/**
 * What found the danger: a fixed pattern, an urgent cue alone, a cue with presence or time, a
 * word of the lexicon (hazards.yaml) with its markers, or the learned model.
 */
export type EmergencyRule = 'pattern' | 'urgent' | 'cue' | 'lexicon' | 'model';

/** The category found, the reply it prescribes, and the rule that found it. */
export interface EmergencyHit {
  category: string;
  reply: string;
  by: EmergencyRule;
}

/** A clause whose danger words were read as told after the fact, and what said so. */
export interface Veto {
  clause: string;
  by: 'past' | 'aftermath' | 'over';
}

/** What safety read in a message. */
export interface SafetyReading {
  /** Danger now: answered first, nothing else may switch it off. */
  emergency?: EmergencyHit;
  /** Categories whose danger words stand anywhere in the message (file order): their safety lines go on the reply. */
  hazards: string[];
  /** Clauses whose danger words a past or after-the-fact marker of the same clause vetoed. */
  vetoes: Veto[];
  /** The clauses without any danger word, joined: a question asked beside the danger ("我想找律师"). */
  rest: string;
  /** The lexicon's kinds and markers found in the message (for `why`). */
  words?: { kinds: string[]; markers: string[] };
}

export type SafetyReader = (normalized: string) => SafetyReading;

const NOTHING: SafetyReading = Object.freeze({ hazards: [], vetoes: [], rest: '' }) as SafetyReading;
const NO_WORDS: LexiconReading = { kinds: [], markers: new Set() };

/**
 * Compiles the lists once. Fixed patterns of any category win over urgent cues, urgent cues
 * over paired cues, those over the lexicon's words with their markers; within a rule,
 * categories are tried in emergency.yaml's order.
 */
export function createSafetyReader(data: EmergencyData, lexicon?: HazardLexicon): SafetyReader {
  // Needed only for a clause with an urgent or danger cue: most messages, the first one after
  // a start included, never compile them (RE2 compiles cost a start milliseconds).
  const presence = lazyAnyOf(data.presence);
  const now = lazyAnyOf(data.now);
  const past = lazyAnyOf(data.past);
  const aftermath = lazyAnyOf(data.aftermath);
  const over = lazyAnyOf(data.over);
  const categories = data.categories.map((category) => ({
    id: category.id,
    reply: category.reply,
    patterns: lazyAnyOf(category.patterns),
    urgent: lazyAnyOf(category.urgent),
    cues: lazyAnyOf(category.cues),
  }));
  // Every category's list as one pattern too: most messages match none, and one test says so.
  const anyPattern = anyOf(data.categories.flatMap((category) => category.patterns));
  const anyUrgent = anyOf(data.categories.flatMap((category) => category.urgent));
  const anyCue = anyOf(data.categories.flatMap((category) => category.cues));
  const anyDanger = (text: string) => anyPattern.test(text) || anyUrgent.test(text) || anyCue.test(text);
  const hit = (category: { id: string; reply: string }, by: EmergencyRule): EmergencyHit => ({
    category: category.id,
    reply: category.reply,
    by,
  });

  const order = new Map(data.categories.map((category, index) => [category.id, index]));
  /** The first category, in emergency.yaml's order, of the kinds found. */
  const firstOf = (kinds: readonly string[]) =>
    kinds
      .map((kind) => lexicon?.categoryOf(kind))
      .filter((id): id is string => id !== undefined)
      .sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))[0];

  return (normalized) => {
    // Cues are written for a clause (some end in $), fixed patterns for the whole message.
    const texts = splitClauses(normalized);
    const words = texts.map((text) => lexicon?.read(text) ?? NO_WORDS);
    const fixed = anyPattern.test(normalized) ? categories.find(({ patterns }) => patterns.test(normalized)) : undefined;
    const inWords = words.some((reading) => reading.kinds.length > 0);
    if (!fixed && !inWords && !texts.some((text) => anyUrgent.test(text) || anyCue.test(text))) return NOTHING;
    const found = inWords || words.some((reading) => reading.markers.size > 0);
    const seen = found ? { words: { kinds: [...new Set(words.flatMap((r) => r.kinds))], markers: [...new Set(words.flatMap((r) => [...r.markers]))] } } : {};
    const danger = (index: number) => anyDanger(texts[index] as string) || (words[index] as LexiconReading).kinds.length > 0;
    const rest = () => texts.filter((_, index) => !danger(index)).join(',');

    if (fixed) return { emergency: hit(fixed, 'pattern'), hazards: [fixed.id], vetoes: [], rest: rest(), ...seen };

    const marked = (index: number, marker: 'now' | 'imminent' | 'presence' | 'past' | 'aftermath' | 'over') => (words[index] as LexiconReading).markers.has(marker);
    const pastOf = memo((index) => past.test(texts[index] as string) || marked(index, 'past'));
    const afterOf = memo((index) => aftermath.test(texts[index] as string) || marked(index, 'aftermath'));
    // The last clause that says the danger is over closes what was told before it.
    let closedUpTo = -1;
    for (let index = texts.length - 1; index >= 0 && closedUpTo < 0; index -= 1) if (over.test(texts[index] as string) || marked(index, 'over')) closedUpTo = index;
    // Habitual, past, hypothetical, after the fact or over: the clause's cues say nothing about now.
    const vetoed = (index: number) => index <= closedUpTo || pastOf(index) || afterOf(index);
    const present = memo((index) => !vetoed(index) && (presence.test(texts[index] as string) || marked(index, 'presence')));
    const around = (index: number) => (index > 0 && present(index - 1)) || present(index) || (index + 1 < texts.length && present(index + 1));
    const nowOf = (index: number) => now.test(texts[index] as string) || marked(index, 'now') || marked(index, 'imminent');

    const live = texts.filter((text, index) => anyUrgent.test(text) && !vetoed(index));
    const urgent = categories.find((category) => live.some((text) => category.urgent.test(text)));
    if (urgent) return { emergency: hit(urgent, 'urgent'), hazards: [urgent.id], vetoes: [], rest: rest(), ...seen };

    const armed = texts.filter((text, index) => anyCue.test(text) && !vetoed(index) && (nowOf(index) || around(index)));
    const paired = categories.find((category) => armed.some((text) => category.cues.test(text)));
    if (paired) return { emergency: hit(paired, 'cue'), hazards: [paired.id], vetoes: [], rest: rest(), ...seen };

    const readable = lexicon !== undefined && normalized.replace(/[^\p{L}\p{N}]/gu, '').length >= lexicon.alarmMinChars;
    const wordKinds = readable
      ? words.flatMap((reading, index) => (!vetoed(index) && (nowOf(index) || around(index)) ? reading.kinds.filter((kind) => lexicon.alarms(kind)) : []))
      : [];
    const byWords = firstOf(wordKinds);
    const category = byWords === undefined ? undefined : data.categories.find((candidate) => candidate.id === byWords);
    if (category) return { emergency: hit(category, 'lexicon'), hazards: [category.id], vetoes: [], rest: rest(), ...seen };

    const lined = words.flatMap((reading) => reading.kinds.filter((kind) => lexicon?.lines(kind)).map((kind) => lexicon?.categoryOf(kind) ?? ''));
    const hazards = categories
      .filter((candidate) => lined.includes(candidate.id) || texts.some((text) => candidate.urgent.test(text) || candidate.cues.test(text)))
      .map((candidate) => candidate.id);
    const vetoes = texts.flatMap((text, index): Veto[] =>
      danger(index) && vetoed(index) ? [{ clause: text, by: index <= closedUpTo ? 'over' : pastOf(index) ? 'past' : 'aftermath' }] : [],
    );
    return { hazards, vetoes, rest: rest(), ...seen };
  };
}

const readers = new WeakMap<EmergencyData, WeakMap<HazardLexicon, SafetyReader>>();

/**
 * One safety reader per emergency.yaml and lexicon as loaded: engines built again over the same
 * knowledge (a measurement's folds, the model's training) share its compiled patterns and the
 * states RE2 has worked out.
 */
export function safetyReaderFor(data: EmergencyData, lexicon: HazardLexicon): SafetyReader {
  let byLexicon = readers.get(data);
  if (!byLexicon) readers.set(data, (byLexicon = new WeakMap()));
  let reader = byLexicon.get(lexicon);
  if (!reader) byLexicon.set(lexicon, (reader = createSafetyReader(data, lexicon)));
  return reader;
}
