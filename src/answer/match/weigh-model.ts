/**
 * The matcher's decision with the learned model heard: one policy, its numbers in
 * matching.yaml (`intent`), chosen on leave-one-set-out readings (each set read by a model
 * trained without it). Ask rather than guess: where the model is sure of another entry and
 * gives the matcher's almost nothing, the bot asks which is meant; where it is surer still, its
 * entry is answered. Where the matcher finds nothing or asks, a sure model answers; a reply
 * kind the model is sure of (the menu asked in other words, thanks, 转人工, a question for
 * another office) is that kind.
 */
import type { Entry } from '../knowledge/knowledge-base.js';
import type { MatchingSettings } from '../knowledge/schema.js';
import type { ModelReading } from '../model/learned-model.js';
import type { Decision } from './decide.js';

/** A reply kind the model may name instead of an entry. */
export type ModelKind = 'fallback' | 'menu' | 'smalltalk' | 'handoff';

/** What the policy made of the decision, and why (a stable code for the trace). */
export type Weighed =
  | { kind: 'kept'; decision: Decision }
  | { kind: 'entry'; entry: Entry; probability: number; reason: 'model.rescue' | 'model.clarified' | 'model.override' }
  | { kind: 'clarify'; options: Entry[]; probability: number; reason: 'model.disagrees' }
  | { kind: 'reply'; reply: ModelKind; probability: number; reason: 'model.kind' };

const KINDS: ReadonlySet<string> = new Set(['fallback', 'menu', 'smalltalk', 'handoff']);

/** The model's most likely class and its probability, and the probability it gives `id`. */
function readTop(reading: ModelReading, classes: readonly string[]) {
  let best = 0;
  reading.probabilities.forEach((p, k) => {
    if (p > (reading.probabilities[best] as number)) best = k;
  });
  const of = (id: string) => {
    const index = classes.indexOf(id);
    return index < 0 ? 0 : (reading.probabilities[index] as number);
  };
  return { id: classes[best] as string, p: reading.probabilities[best] as number, of };
}

export function weighModel(
  decision: Decision,
  reading: ModelReading | undefined,
  classes: readonly string[],
  byId: ReadonlyMap<string, Entry>,
  policy: MatchingSettings['intent'],
  /** The message names only an aspect ("收费吗?"): which entry it is about is the conversation's to say, not the model's. */
  aspectOnly = false,
): Weighed {
  // "法律援助" alone: the matcher asks which part is meant, and that question is the right reply.
  if (!reading || (decision.kind === 'clarify' && decision.reason === 'bare-topic')) return { kind: 'kept', decision };
  const top = readTop(reading, classes);
  if (KINDS.has(top.id)) {
    // Declining what the matcher answered takes more: a wrong decline costs an answer.
    const needs = top.id === 'fallback' && decision.kind === 'answer' ? policy.declineAt : policy.kindAt;
    return top.p >= needs ? { kind: 'reply', reply: top.id as ModelKind, probability: top.p, reason: 'model.kind' } : { kind: 'kept', decision };
  }
  const entry = byId.get(top.id);
  if (!entry || aspectOnly) return { kind: 'kept', decision };
  if (decision.kind === 'answer') {
    if (decision.entry.id === entry.id) return { kind: 'kept', decision };
    const theirs = top.of(decision.entry.id);
    if (top.p >= policy.overrideAt && theirs < policy.overrideBelow) return { kind: 'entry', entry, probability: top.p, reason: 'model.override' };
    if (top.p >= policy.disagreeAt && theirs < policy.disagreeBelow) {
      return { kind: 'clarify', options: [decision.entry, entry], probability: top.p, reason: 'model.disagrees' };
    }
    return { kind: 'kept', decision };
  }
  if (decision.kind === 'clarify' && decision.options.some((option) => option.id === entry.id) && top.p >= policy.pickAt) {
    return { kind: 'entry', entry, probability: top.p, reason: 'model.clarified' };
  }
  if (top.p >= policy.rescueAt) return { kind: 'entry', entry, probability: top.p, reason: 'model.rescue' };
  return { kind: 'kept', decision };
}
