/**
 * Spots messages about danger now before any matching, so they get 110 / 119 / 120 / 122
 * first. What counts as danger lives in the knowledge base (emergency.yaml), not in code, and
 * runs on a linear-time engine (see linear-pattern.ts).
 *
 * Danger is told in many ways ("有人拿着棍子堵在门口", "女儿到现在还没找到"), so besides fixed
 * patterns a category names danger cues that alarm with a presence cue (门口, 还在, 叫不醒…) in
 * the same clause or a neighbouring one, or a time cue (现在, 刚刚, 今晚…) in the same clause:
 * "他打我,现在住在娘家" tells of the past, "他拿着刀,现在在门口" of danger now. A habitual,
 * past or hypothetical clause ("他经常打我", "上个月", "如果") vetoes its own cues; talk of the
 * aftermath (赔偿, 派出所, 调解…) vetoes its clause and the neighbouring ones.
 */
import type { EmergencyData } from '../knowledge/schema.js';
import { splitClauses } from './clauses.js';
import { compileLinear, type LinearPattern } from './linear-pattern.js';

/** Which rule found the danger: a fixed pattern, an urgent cue alone, or a cue with presence. */
export type EmergencyRule = 'pattern' | 'urgent' | 'cue';

/** The category found, the reply it prescribes, and the rule that found it. */
export interface EmergencyHit {
  category: string;
  reply: string;
  by: EmergencyRule;
}

export type EmergencyDetector = (normalized: string) => EmergencyHit | undefined;

const NEVER: LinearPattern = { test: () => false };

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
export function createEmergencyDetector(data: EmergencyData): EmergencyDetector {
  // Needed only for a clause with an urgent or danger cue: most messages, the first one after
  // a start included, never compile them (RE2 compiles cost a start milliseconds).
  const presence = lazyAnyOf(data.presence);
  const now = lazyAnyOf(data.now);
  const past = lazyAnyOf(data.past);
  const aftermath = lazyAnyOf(data.aftermath);
  const categories = data.categories.map((category) => ({
    id: category.id,
    reply: category.reply,
    patterns: lazyAnyOf(category.patterns),
    urgent: lazyAnyOf(category.urgent),
    cues: lazyAnyOf(category.cues),
  }));
  // Every category's list as one pattern too: most clauses match none, and one test says so
  // where a test per category did; only a clause that matches some list is tried category by category.
  const anyPattern = anyOf(data.categories.flatMap((category) => category.patterns));
  const anyUrgent = anyOf(data.categories.flatMap((category) => category.urgent));
  const anyCue = anyOf(data.categories.flatMap((category) => category.cues));
  const hit = (category: { id: string; reply: string }, by: EmergencyRule): EmergencyHit => ({
    category: category.id,
    reply: category.reply,
    by,
  });

  return (normalized) => {
    const fixed = anyPattern.test(normalized) ? categories.find(({ patterns }) => patterns.test(normalized)) : undefined;
    if (fixed) return hit(fixed, 'pattern');

    const texts = splitClauses(normalized);
    const around = (index: number, test: (other: number) => boolean) =>
      (index > 0 && test(index - 1)) || test(index) || (index + 1 < texts.length && test(index + 1));
    // Every test runs only where its answer can still matter, each at most once per clause:
    // most clauses of a long story hold no cue, and their veto and presence never count.
    const after = memo((index) => aftermath.test(texts[index] as string));
    // Habitual, past, hypothetical or aftermath: the clause's cues say nothing about now.
    const vetoed = memo((index) => around(index, after) || past.test(texts[index] as string));
    const present = memo((index) => !vetoed(index) && presence.test(texts[index] as string));
    const live = texts.filter((text, index) => anyUrgent.test(text) && !vetoed(index));
    const urgent = categories.find((category) => live.some((text) => category.urgent.test(text)));
    if (urgent) return hit(urgent, 'urgent');

    const armed = texts.filter((text, index) => anyCue.test(text) && !vetoed(index) && (now.test(text) || around(index, present)));
    const paired = categories.find((category) => armed.some((text) => category.cues.test(text)));
    return paired ? hit(paired, 'cue') : undefined;
  };
}
