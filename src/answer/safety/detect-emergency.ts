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
import { compileLinear, type LinearPattern } from '../read/linear-pattern.js';

/** What found the danger: a fixed pattern, an urgent cue alone, a cue with presence or time, or the learned model. */
export type EmergencyRule = 'pattern' | 'urgent' | 'cue' | 'model';

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
}

export type SafetyReader = (normalized: string) => SafetyReading;

const NEVER: LinearPattern = { test: () => false };
const NOTHING: SafetyReading = Object.freeze({ hazards: [], vetoes: [], rest: '' }) as SafetyReading;

/** The index of the last clause that says the danger is over (-1 when none does). */
function overUpTo(texts: readonly string[], over: LinearPattern): number {
  for (let index = texts.length - 1; index >= 0; index -= 1) if (over.test(texts[index] as string)) return index;
  return -1;
}

/** `compute(index)` worked out at most once per index. */
function memo(compute: (index: number) => boolean): (index: number) => boolean {
  const known: Array<boolean | undefined> = [];
  return (index) => (known[index] ??= compute(index));
}

/** One pattern for a list: each was checked on its own at load; their alternation may be larger than one. */
function anyOf(patterns: readonly string[]): LinearPattern {
  return patterns.length === 0 ? NEVER : compileLinear(patterns.map((pattern) => `(?:${pattern})`).join('|'), Infinity);
}

/**
 * {@link anyOf}, compiled at its first test: a category's own lists are tried only after the union
 * of all says yes. Each pattern was checked on its own at load, so a late compile cannot fail.
 */
function lazyAnyOf(patterns: readonly string[]): LinearPattern {
  let compiled: LinearPattern | undefined;
  return { test: (text) => (compiled ??= anyOf(patterns)).test(text) };
}

/**
 * Compiles the lists once. Fixed patterns of any category win over urgent cues, urgent cues
 * over paired cues; within a rule, categories are tried in file order.
 */
export function createSafetyReader(data: EmergencyData): SafetyReader {
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

  return (normalized) => {
    // Cues are written for a clause (some end in $), fixed patterns for the whole message.
    const texts = splitClauses(normalized);
    const fixed = anyPattern.test(normalized) ? categories.find(({ patterns }) => patterns.test(normalized)) : undefined;
    if (!fixed && !texts.some((text) => anyUrgent.test(text) || anyCue.test(text))) return NOTHING;
    const rest = () => texts.filter((text) => !anyDanger(text)).join(',');

    if (fixed) return { emergency: hit(fixed, 'pattern'), hazards: [fixed.id], vetoes: [], rest: rest() };

    const pastOf = memo((index) => past.test(texts[index] as string));
    const afterOf = memo((index) => aftermath.test(texts[index] as string));
    // The last clause that says the danger is over closes what was told before it.
    const closedUpTo = overUpTo(texts, over);
    // Habitual, past, hypothetical, after the fact or over: the clause's cues say nothing about now.
    const vetoed = (index: number) => index <= closedUpTo || pastOf(index) || afterOf(index);
    const present = memo((index) => !vetoed(index) && presence.test(texts[index] as string));
    const around = (index: number) => (index > 0 && present(index - 1)) || present(index) || (index + 1 < texts.length && present(index + 1));

    const live = texts.filter((text, index) => anyUrgent.test(text) && !vetoed(index));
    const urgent = categories.find((category) => live.some((text) => category.urgent.test(text)));
    if (urgent) return { emergency: hit(urgent, 'urgent'), hazards: [urgent.id], vetoes: [], rest: rest() };

    const armed = texts.filter((text, index) => anyCue.test(text) && !vetoed(index) && (now.test(text) || around(index)));
    const paired = categories.find((category) => armed.some((text) => category.cues.test(text)));
    if (paired) return { emergency: hit(paired, 'cue'), hazards: [paired.id], vetoes: [], rest: rest() };

    const hazards = categories
      .filter((category) => texts.some((text) => category.urgent.test(text) || category.cues.test(text)))
      .map((category) => category.id);
    const vetoes = texts.flatMap((text, index): Veto[] =>
      anyDanger(text) && vetoed(index) ? [{ clause: text, by: index <= closedUpTo ? 'over' : pastOf(index) ? 'past' : 'aftermath' }] : [],
    );
    return { hazards, vetoes, rest: rest() };
  };
}

const readers = new WeakMap<EmergencyData, SafetyReader>();

/**
 * One safety reader per emergency.yaml as loaded: engines built again over the same knowledge
 * (a measurement's folds, the model's training) share its compiled patterns and the states RE2
 * has worked out.
 */
export function safetyReaderFor(data: EmergencyData): SafetyReader {
  let reader = readers.get(data);
  if (!reader) readers.set(data, (reader = createSafetyReader(data)));
  return reader;
}
